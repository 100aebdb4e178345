package navemu.navigator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.NavigationException;
import navemu.api.nav.Composition;
import navemu.api.nav.ConnectionReuse;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.Navigator;
import navemu.api.nav.PortHint;
import navemu.api.lab.ServerWork;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.navigator.http2.HttpTransports;
import navemu.navigator.capture.CaptureHistory;
import navemu.navigator.capture.NavigationCapture;
import navemu.navigator.pool.ConnectionPool;
import navemu.navigator.timing.ServerWorkConnector;

/**
 * The {@link Navigator} service: snapshots the composition, then runs the navigation.
 * Port maps (the lab's) are tracked as they come and go. It keeps the idle connections
 * navigations leave for reuse ({@link ConnectionPool}) and numbers every connection made
 * ({@code connection #1}, {@code #2}, … for the life of the service: a shell session); the pool is
 * closed when the service goes away (the shell's exit stops the framework).
 */
@Component(service = Navigator.class, configurationPid = "navemu.navigator")
public final class BrowserNavigator implements Navigator {

    @Reference
    private Composition composition;

    /** Keeps the last navigations' bytes for {@code export pcap}; absent (no capture) outside OSGi. */
    @Reference
    private CaptureHistory captures;

    private final List<PortMap> portMaps = new CopyOnWriteArrayList<>();
    private static final AtomicReference<List<String>> LAST_PROBLEMS_SAID = new AtomicReference<>(List.of());
    private volatile Deadlines deadlines = Deadlines.DEFAULT;
    /** What the TLS handshake offers in ALPN: h2 and http/1.1, or http/1.1 alone when {@code http2 = false}. */
    private volatile List<String> alpn = HttpTransports.ALPN_WITH_H2;
    /** {@code reuse} of {@code navemu.navigator.cfg}: false makes every navigation {@code --new-connection}. */
    private volatile boolean reuse = true;
    private final ConnectionPool pool;
    private final AtomicLong connectionIds = new AtomicLong();
    /** Origins whose servers required HTTP/1.1 (HTTP_1_1_REQUIRED): offered http/1.1 alone from then on. */
    private final Http11RequiredOrigins http11Only = new Http11RequiredOrigins();
    /** The warm-up, when there is one: a user navigation starts it if nothing did, and waits for it rather than race it for the CPU. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Prewarm prewarm;
    /** The lab's CPU time per connection, for the time split of steps on a plain socket; absent without a lab. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServerWork serverWork;

    public BrowserNavigator() {
        this.pool = new ConnectionPool();
    }

    /** For tests: a navigator over an explicit composition, outside OSGi. */
    public BrowserNavigator(Composition composition, List<PortMap> portMaps) {
        this(composition, portMaps, new ConnectionPool());
    }

    /** For tests: a navigator that keeps idle connections in {@code pool}. */
    public BrowserNavigator(Composition composition, List<PortMap> portMaps, ConnectionPool pool) {
        this.pool = pool;
        this.composition = composition;
        this.portMaps.addAll(portMaps);
    }

    /** For tests: a navigator that keeps its navigations' captures in {@code captures}. */
    public BrowserNavigator(Composition composition, List<PortMap> portMaps, CaptureHistory captures) {
        this(composition, portMaps);
        this.captures = captures;
    }

    /** For tests: idle connections kept in {@code pool}, captures in {@code captures}. */
    public BrowserNavigator(Composition composition, List<PortMap> portMaps, ConnectionPool pool,
                            CaptureHistory captures) {
        this(composition, portMaps, pool);
        this.captures = captures;
    }

    /** For tests: as above, with deadlines of the test's choosing. */
    BrowserNavigator(Composition composition, List<PortMap> portMaps, Deadlines deadlines) {
        this(composition, portMaps);
        this.deadlines = deadlines;
    }

    /**
     * Settings of pid {@code navemu.navigator}: the {@link Deadlines}, {@code reuse} and {@code http2}. A bad value
     * is refused by name.
     */
    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Deadlines configured = Deadlines.read(properties);
        List<String> problems = new java.util.ArrayList<>(configured.problems());
        boolean reuseConfigured = setting(properties, "reuse", "using true", problems);
        boolean http2 = setting(properties, HttpTransports.SETTING, "h2 stays offered", problems);
        // SCR may activate a new instance for the same file (a reference rebinds): say each problem once.
        if (!problems.equals(LAST_PROBLEMS_SAID.getAndSet(List.copyOf(problems)))) {
            problems.forEach(problem -> System.err.println("navemu: " + problem));
        }
        deadlines = configured;
        alpn = HttpTransports.alpnOffer(http2);
        reuse = reuseConfigured;
        if (!reuseConfigured) {
            pool.closeIdle();
        }
    }

    /** A true/false setting, on by default; a bad value is a problem line and leaves it on. */
    private static boolean setting(Map<String, Object> properties, String key, String whenRefused, List<String> problems) {
        try {
            return BooleanSetting.parse(key, properties.get(key), true);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + "; " + whenRefused);
            return true;
        }
    }

    /** The service goes away (its bundle stops, the shell exits): no idle connection outlives it. */
    @Deactivate
    void deactivate() {
        pool.close();
    }

    @Override
    public int closeIdleConnections() {
        return pool.closeIdle();
    }

    @Override
    public NavigationResult navigate(NavigationRequest request) {
        Prewarm warming = prewarm;
        if (warming != null) {
            warming.beforeUserNavigation(Prewarm.MOST_A_NAVIGATION_WAITS);
        }
        Snapshot snapshot;
        try {
            snapshot = Snapshot.take(composition, request.overrides()).in(request.scope());
        } catch (NavigationException e) {
            return failedBeforeStart(request, e);
        }
        if (!reuse) {
            request = request.withConnections(ConnectionReuse.NEVER);
        }
        CaptureHistory history = captures;
        if (history == null) {
            return new NavigationRun(request, snapshot, this::portHint, deadlines, pool, connectionIds::incrementAndGet,
                    alpn, http11Only).run();
        }
        // The capture taps the tcp slot and the key log of this navigation only; the run does not know it is there.
        NavigationCapture capture = history.start();
        NavigationResult result = new NavigationRun(request.withKeyLog(capture.keyLogThen(request.keyLog())),
                snapshot.withTcp(capture.connector(ServerWorkConnector.of(snapshot.tcp(), serverWork))), this::portHint, deadlines, pool,
                connectionIds::incrementAndGet, alpn, http11Only).run();
        history.keep(result, capture);
        return result;
    }

    private Optional<PortHint> portHint(TargetUrl url) {
        for (PortMap map : portMaps) {
            Optional<PortHint> hint = map.port(url.host(), url.scheme());
            if (hint.isPresent()) {
                return hint;
            }
        }
        return Optional.empty();
    }

    private NavigationResult failedBeforeStart(NavigationRequest request, NavigationException e) {
        NavigationResult result = new NavigationResult();
        result.url = request.url();
        result.ok = false;
        result.error = e.error().name();
        result.errorMessage = e.getMessage();
        composition.active().forEach((slot, impl) -> result.composition.put(slot.key(), impl));
        request.overrides().forEach((slot, impl) -> result.composition.put(slot.key(), impl));
        StepResult none = new StepResult();
        none.step = "composition";
        none.ok = false;
        none.error = e.error().name();
        none.detail.put("message", e.getMessage());
        result.steps.add(none);
        return result;
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
