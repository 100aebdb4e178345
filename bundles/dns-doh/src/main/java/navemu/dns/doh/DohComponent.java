package navemu.dns.doh;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/**
 * Registers the {@link DohResolver} as the {@code dns} slot's {@code doh} implementation.
 *
 * <p>Where it sends queries:
 * <ul>
 * <li>names under a {@link ZoneServer} whose registration carries the service property
 *     {@value #DOH_URL_PROPERTY} (the lab: {@code https://doh.lab.test/dns-query}) go to that
 *     DoH server; its address and, when the URL has none, its port are asked of the zone's own
 *     DNS server ({@link DohBootstrap}: the lab's port is ephemeral and published in the HTTPS
 *     record of {@code doh.lab.test});</li>
 * <li>other names go to pid {@code navemu.dns.doh} property {@code url}; default none, and then
 *     resolution fails saying so.</li>
 * </ul>
 * The DoH servers' certificates must chain to a registered {@link TrustAnchorProvider}'s anchor.
 */
@Component(service = DnsResolver.class, configurationPid = "navemu.dns.doh",
        property = {Slot.PROPERTY_SLOT + "=dns", Slot.PROPERTY_IMPL + "=doh"})
public class DohComponent implements DnsResolver {

    /** The ZoneServer service property naming the zone's DoH URL (set by the lab). */
    public static final String DOH_URL_PROPERTY = "navemu.doh.url";

    private final Map<ZoneServer, URI> zones = new ConcurrentHashMap<>();
    private final List<TrustAnchorProvider> anchorProviders = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    private volatile DohResolver resolver;
    private volatile String configProblem;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addZoneServer(ZoneServer zone, Map<String, Object> properties) {
        Object url = properties.get(DOH_URL_PROPERTY);
        if (url != null) {
            try {
                zones.put(zone, URI.create(url.toString()));
            } catch (IllegalArgumentException e) {
                // A bad URL on a registration: that zone simply has no DoH server; other zones still work.
            }
        }
    }

    void removeZoneServer(ZoneServer zone) {
        zones.remove(zone);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTrustAnchorProvider(TrustAnchorProvider provider) {
        anchorProviders.add(provider);
    }

    void removeTrustAnchorProvider(TrustAnchorProvider provider) {
        anchorProviders.remove(provider);
    }

    /**
     * Settings of pid {@code navemu.dns.doh} (see {@link DohSettings}), read as a plain map so that a
     * value of the wrong type is refused by name here, not in Felix with a stack trace.
     */
    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        DohSettings settings = DohSettings.read(properties);
        settings.problems().forEach(problem -> System.err.println("navemu: " + problem));
        Duration timeout = Duration.ofMillis(settings.timeoutMs());
        resolver = new DohResolver(this::zoneDohs, settings.url(), this::anchors, settings.method(),
                new DohTransport(timeout, executor), new DohBootstrap(timeout), executor);
        // Said again on every lookup, so the trace explains why a setting did not take effect.
        configProblem = settings.problems().isEmpty() ? null : String.join("; ", settings.problems());
    }

    /** @return the URL, or null when blank */
    static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri = URI.create(url.trim());
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an https URL with a host (RFC 8484 §5), not '" + url + "'");
        }
        return uri;
    }

    private List<ZoneDoh> zoneDohs() {
        List<ZoneDoh> list = new ArrayList<>();
        for (Map.Entry<ZoneServer, URI> entry : zones.entrySet()) {
            try {
                InetSocketAddress dns = entry.getKey().address();
                list.add(new ZoneDoh(entry.getKey().zone(), dns, entry.getValue()));
            } catch (IllegalStateException e) {
                // the zone server is stopping
            }
        }
        return list;
    }

    private List<X509Certificate> anchors() {
        List<X509Certificate> all = new ArrayList<>();
        for (TrustAnchorProvider provider : anchorProviders) {
            try {
                all.addAll(provider.anchors());
            } catch (IllegalStateException e) {
                // a provider that is stopping has no anchors to give
            }
        }
        return all;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        DohBootstrap.closeDnsjavaClient();
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        String problem = configProblem;
        if (problem != null) {
            trace.info(problem);
        }
        return resolver.resolve(host, trace);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, "navemu-dns-doh-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
