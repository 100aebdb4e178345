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
        List<InetSocketAddress> servers;
        String source;
        if (config.servers().isBlank()) {
            servers = ResolverConfig.getCurrentConfig().servers();
            source = "the system's resolvers";
        } else {
            servers = ServerList.parse(config.servers());
            source = "the configured resolvers (navemu.dns servers)";
        }
        // The cache is kept across reconfigurations only when it still makes sense: new servers, new cache.
        resolver = new StubResolver(new ServerRoute(() -> new ArrayList<>(zones), servers, source),
                new DnsTransport(Duration.ofMillis(config.timeoutMs()), config.retries()),
                new DnsCache(Clock.systemUTC(), Duration.ofSeconds(config.maxTtlSeconds())),
                AddressOrder.fromWord(config.addressOrder()), executor);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        return resolver.resolve(host, trace);
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
