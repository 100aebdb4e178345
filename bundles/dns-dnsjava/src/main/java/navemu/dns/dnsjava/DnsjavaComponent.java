package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.xbill.DNS.ResolverConfig;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/**
 * Registers the {@link StubResolver} as the {@code dns} slot's {@code dnsjava} implementation,
 * tracks the {@link ZoneServer}s that come and go, and reads its settings from pid {@code navemu.dns}.
 */
@Component(service = DnsResolver.class, configurationPid = "navemu.dns",
        property = {Slot.PROPERTY_SLOT + "=dns", Slot.PROPERTY_IMPL + "=dnsjava"})
public class DnsjavaComponent implements DnsResolver {

    /** Settings (pid {@code navemu.dns}); every one has a default. */
    public @interface Config {
        /** Resolvers for names outside the zone servers, e.g. {@code 127.0.0.1:53,[::1]:53}; empty = the system's. */
        String servers() default "";

        /** Extra zone routes, e.g. {@code corp.test=10.0.0.53:53}; registered zone servers (the lab's) come first. */
        String zones() default "";

        /** How long to wait for each UDP attempt or TCP exchange. */
        long timeoutMs() default 2000;

        /** UDP retries after a timeout, per server. */
        int retries() default 1;

        /** {@code ipv6-first} (RFC 6724 default) or {@code ipv4-first}. */
        String addressOrder() default "ipv6-first";

        /** Upper bound on any TTL the cache honours. */
        long maxTtlSeconds() default 86400;
    }

    private final List<ZoneServer> zones = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    private volatile StubResolver resolver;
    private volatile String configProblem;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addZoneServer(ZoneServer zone) {
        zones.add(zone);
    }

    void removeZoneServer(ZoneServer zone) {
        zones.remove(zone);
    }

    @Activate
    @Modified
    void configure(Config config) {
        // A bad setting must not take the slot away: fall back to the defaults and say why on every lookup.
        try {
            resolver = build(config.servers(), config.zones(), config.timeoutMs(), config.retries(),
                    config.addressOrder(), config.maxTtlSeconds());
            configProblem = null;
        } catch (IllegalArgumentException e) {
            resolver = build("", "", 2000, 1, "ipv6-first", 86400);
            configProblem = "settings of pid navemu.dns ignored (" + e.getMessage() + "); using the defaults";
        }
    }

    private StubResolver build(String serverList, String zoneRoutes, long timeoutMs, int retries, String order,
                               long maxTtlSeconds) {
        List<ZoneServer> configured = ConfiguredZone.parse(zoneRoutes);
        List<InetSocketAddress> servers;
        String source;
        if (serverList.isBlank()) {
            servers = ResolverConfig.getCurrentConfig().servers();
            source = "the system's resolvers";
        } else {
            servers = ServerList.parse(serverList);
            source = "the configured resolvers (navemu.dns servers)";
        }
        return new StubResolver(new ServerRoute(() -> {
            List<ZoneServer> all = new ArrayList<>(zones);
            all.addAll(configured);
            return all;
        }, servers, source),
                new DnsTransport(Duration.ofMillis(timeoutMs), retries),
                new DnsCache(Clock.systemUTC(), Duration.ofSeconds(maxTtlSeconds)),
                AddressOrder.fromWord(order), executor);
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
    public java.util.Optional<java.util.List<String>> cacheEntries() {
        return resolver.cacheEntries();
    }

    @Override
    public int flushCache() {
        return resolver.flushCache();
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
