package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.xbill.DNS.ResolverConfig;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.dns.LinkDelayedResolver;
import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/**
 * Registers the {@link StubResolver} as the {@code dns} slot's {@code dnsjava} implementation,
 * tracks the {@link ZoneServer}s that come and go, and reads its settings from pid {@code navemu.dns}.
 */
@Component(service = {DnsResolver.class, navemu.api.dns.DnsCache.class}, configurationPid = "navemu.dns",
        property = {Slot.PROPERTY_SLOT + "=dns", Slot.PROPERTY_IMPL + "=dnsjava"})
public class DnsjavaComponent implements LinkDelayedResolver, navemu.api.dns.DnsCache {
    // navemu.api.dns.DnsCache is the api's view of a cache; DnsCache in this package is the cache itself.

    private final List<ZoneServer> zones = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    private volatile StubResolver resolver;
    private volatile String configProblem;
    private volatile DnsSettings settings;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addZoneServer(ZoneServer zone) {
        zones.add(zone);
    }

    void removeZoneServer(ZoneServer zone) {
        zones.remove(zone);
    }

    /**
     * Settings of pid {@code navemu.dns}; every key has a default (see {@link DnsSettings}). Read as
     * a plain map, not a typed annotation, so that a value of the wrong type is refused by name
     * here instead of failing inside Felix with a stack trace.
     */
    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        DnsSettings settings = DnsSettings.read(properties);
        DnsSettings previous = this.settings;
        if (previous == null || !settings.problems().equals(previous.problems())) { // a re-delivery says nothing new
            settings.problems().forEach(problem -> System.err.println("navemu: " + problem));
        }
        this.settings = settings;
        resolver = build(settings);
        // Said again on every lookup, so the trace explains why a setting did not take effect.
        configProblem = settings.problems().isEmpty() ? null : String.join("; ", settings.problems());
    }

    /** The settings in force, as read from the last configuration. */
    DnsSettings settings() {
        return settings;
    }

    private StubResolver build(DnsSettings settings) {
        List<ZoneServer> configured = settings.zones();
        Supplier<List<InetSocketAddress>> servers;
        String source;
        if (settings.serversRefused()) {
            servers = List::of;
            source = "no resolvers (the servers= setting of " + DnsSettings.FILE + " was refused)";
        } else if (settings.servers() == null) {
            // Read on the first name outside every zone, not at start (JNDI, /etc/resolv.conf).
            servers = () -> ResolverConfig.getCurrentConfig().servers();
            source = "the system's resolvers";
        } else {
            List<InetSocketAddress> configuredServers = settings.servers();
            servers = () -> configuredServers;
            source = "the configured resolvers (navemu.dns servers)";
        }
        return new StubResolver(new ServerRoute(() -> {
            List<ZoneServer> all = new ArrayList<>(zones);
            all.addAll(configured);
            return all;
        }, servers, source),
                new DnsTransport(Duration.ofMillis(settings.timeoutMs()), settings.retries()),
                new DnsCache(Clock.systemUTC(), Duration.ofSeconds(settings.maxTtlSeconds())),
                settings.order(), executor);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        return resolve(host, Duration.ZERO, trace);
    }

    @Override
    public DnsAnswer resolve(String host, Duration oneWayDelay, StepTrace trace) throws NavigationException {
        String problem = configProblem;
        if (problem != null) {
            trace.info(problem);
        }
        return resolver.resolve(host, oneWayDelay, trace);
    }

    @Override
    public List<String> entries() {
        return resolver.entries();
    }

    @Override
    public int flush() {
        return resolver.flush();
    }

    @Override
    public DnsResolver withPrivateCache() {
        return resolver.withPrivateCache();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "navemu-dns-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
