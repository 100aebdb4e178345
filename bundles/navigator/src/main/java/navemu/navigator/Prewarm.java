package navemu.navigator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.Slot;
import navemu.api.cert.CertificateValidator;
import navemu.api.dns.DnsCache;
import navemu.api.dns.DnsResolver;
import navemu.api.nav.Cancellation;
import navemu.api.nav.Composition;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.tcp.TcpConnector;
import navemu.api.tls.TlsClient;
import navemu.navigator.warmup.PrivateSlots;

/**
 * Makes the first navigation as fast as the tenth. A fresh JVM spends its first navigation loading
 * classes, compiling, setting up crypto providers, reading the trust store; a timing instrument
 * would count all that as the steps' time. So once the prompt shows ({@link #run()}, called by the
 * shell), or else when the first navigation asks ({@link #beforeUserNavigation}: a batch run has
 * no prompt), a background thread does that work: throwaway navigations to the lab's {@value #HOST}
 * through the active dns, tls, cert and tcp implementations (and the emulated link's, and the
 * {@value #BROWSER_TLS} client's when another tls client is active: its X25519MLKEM768 key share
 * is the costliest cold start of all).
 *
 * <p>It touches no user state: its navigations' hsts and session slots are private ones that keep
 * nothing ({@link PrivateSlots}); its dns slot is the user's resolver with a private cache of its
 * own when the resolver offers one ({@link DnsCache#withPrivateCache()}: the same code, sockets and
 * lab DNS server as the user's queries, and not one entry in the user's cache), else a fixed
 * answer; the navigations have no listener and no key log, and their results are dropped. A user
 * navigation that starts while it runs waits for it to end ({@link #awaitIdle}), so that the
 * user's steps are never timed while it competes for the CPU; the work it saves the navigation is
 * the same work, done once. {@code -Dnavemu.prewarm=false} (a framework or system property) turns
 * it off, to measure a cold first navigation.
 */
@Component(service = {Prewarm.class, Runnable.class}, property = "navemu.prewarm=navigator",
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class Prewarm implements Runnable {

    /** The lab site the warm-up visits: a good TLS 1.3 site, the one the tour starts with. */
    static final String HOST = "www.lab.test";
    /** The tls client shaped like Chrome's, warmed up even when another one is active (one {@code use tls browser} away). */
    static final String BROWSER_TLS = "browser";
    /** A user navigation waits at most this long for the warm-up before it runs anyway. */
    static final Duration MOST_A_NAVIGATION_WAITS = Duration.ofSeconds(10);
    /** The switch: {@code false} turns the warm-up off. */
    static final String PROPERTY = "navemu.prewarm";

    @Reference
    private Composition composition;

    private final List<PortMap> portMaps = new CopyOnWriteArrayList<>();
    private final Cancellation cancellation = new Cancellation();
    private volatile int navigations;
    private volatile boolean resolverWarmed;
    private volatile boolean enabled = true;
    private Thread thread;
    private boolean done;

    public Prewarm() {
    }

    @Activate
    void activate(BundleContext context) {
        enabled = !"false".equalsIgnoreCase(context.getProperty(PROPERTY));
    }

    /** For tests: a warm-up over an explicit composition and port maps, outside OSGi. */
    Prewarm(Composition composition, List<PortMap> portMaps) {
        this.composition = composition;
        this.portMaps.addAll(portMaps);
    }

    /** Starts the warm-up in the background, once; returns at once. */
    @Override
    public synchronized void run() {
        if (!enabled || thread != null || done) {
            return;
        }
        thread = new Thread(this::warmUp, "navemu-prewarm");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * What a user's navigation does first: starts the warm-up if nothing has (no prompt started it:
     * a batch run, or an {@code open} typed before the other bundles were up), then waits for it to
     * end, at most {@code most}. So the first navigation of a process is timed as the tenth is,
     * in every mode, unless the warm-up is switched off.
     */
    void beforeUserNavigation(Duration most) {
        run();
        awaitIdle(most);
    }

    /** For tests: the warm-up switched off, as {@code -Dnavemu.prewarm=false} does. */
    void switchOff() {
        enabled = false;
    }

    /** True once the warm-up ran to its end (or was cancelled). */
    synchronized boolean done() {
        return done;
    }

    /** Returns once no warm-up runs (at once when none was started), waiting at most {@code most}. */
    void awaitIdle(Duration most) {
        Thread running;
        synchronized (this) {
            running = done ? null : thread;
        }
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        try {
            running.join(Math.max(1, most.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Deactivate
    void deactivate() {
        cancellation.cancel();
        awaitIdle(Duration.ofSeconds(2));
    }

    private void warmUp() {
        long start = System.nanoTime();
        try {
            Optional<PortHint> port = portOf(HOST);
            if (port.isEmpty()) {
                return; // no lab to warm up against
            }
            Map<Slot, String> active = composition.active();
            String tcp = active.get(Slot.TCP);
            String tls = active.get(Slot.TLS);
            navigate(port.get(), tcp, tls, active);
            if (composition.implementations(Slot.TCP).contains("emulated")) {
                navigate(port.get(), "emulated", tls, active); // the link the timing views are most often read behind
            }
            if (!BROWSER_TLS.equals(tls) && composition.implementations(Slot.TLS).contains(BROWSER_TLS)) {
                navigate(port.get(), tcp, BROWSER_TLS, active);
            }
            navigate(port.get(), tcp, tls, active);
        } catch (RuntimeException e) {
            // A warm-up that fails leaves the first navigation cold, nothing worse; it says nothing.
        } finally {
            synchronized (this) {
                done = true;
            }
            if (Boolean.getBoolean("navemu.timing")) { // the launcher's start-up timing switch
                System.err.printf(java.util.Locale.ROOT, "navemu: prewarm %s after %.0f ms: %d navigation(s), resolver %s%n",
                        cancellation.isCancelled() ? "cancelled" : "done", (System.nanoTime() - start) / 1e6,
                        navigations, resolverWarmed ? "warmed" : "not warmed");
            }
        }
    }

    /**
     * The user's resolver with a cache of its own, empty and never shared: the warm-up's queries
     * run the user's resolver in full (its sockets, the lab DNS server's answers, the parse of A,
     * AAAA and HTTPS records, the emulated link's delay) and leave nothing in the user's cache. A
     * resolver without such a cache is not asked at all: a fixed loopback answer stands in.
     */
    private DnsResolver warmUpResolver(String dnsName) {
        Optional<DnsResolver> user = composition.service(Slot.DNS, dnsName, DnsResolver.class);
        if (user.isPresent() && user.get() instanceof DnsCache cache) {
            DnsResolver own = cache.withPrivateCache();
            if (own != null && own != user.get()) {
                resolverWarmed = true;
                return own;
            }
        }
        return new PrivateSlots.FixedAnswer(HOST, InetAddress.getLoopbackAddress());
    }

    private void navigate(PortHint port, String tcpName, String tlsName, Map<Slot, String> active) {
        if (cancellation.isCancelled()) {
            return;
        }
        Optional<TcpConnector> tcp = composition.service(Slot.TCP, tcpName, TcpConnector.class);
        Optional<TlsClient> tls = composition.service(Slot.TLS, tlsName, TlsClient.class);
        Optional<CertificateValidator> cert = composition.service(Slot.CERT, active.get(Slot.CERT), CertificateValidator.class);
        if (tcp.isEmpty() || tls.isEmpty() || cert.isEmpty()) {
            return;
        }
        Map<Slot, String> names = new EnumMap<>(active);
        names.put(Slot.TCP, tcpName);
        names.put(Slot.TLS, tlsName);
        Snapshot slots = new Snapshot(names, new PrivateSlots.ForgetfulHsts(), warmUpResolver(active.get(Slot.DNS)),
                tcp.get(), tls.get(), cert.get(), new PrivateSlots.ForgetfulSessions(), true, true);
        NavigationRequest request = NavigationRequest.of("https://" + HOST + "/").withCancellation(cancellation);
        NavigationResult ignored = new NavigationRun(request, slots, url -> Optional.of(port), Deadlines.DEFAULT).run();
        navigations++;
    }

    private Optional<PortHint> portOf(String host) {
        for (PortMap map : portMaps) {
            Optional<PortHint> hint = map.port(host, "https");
            if (hint.isPresent()) {
                return hint;
            }
        }
        return Optional.empty();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePortMap")
    void addPortMap(PortMap map) {
        portMaps.add(map);
    }

    void removePortMap(PortMap map) {
        portMaps.remove(map);
    }
}
