package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

import navemu.api.dns.DnsResolver;
import navemu.api.dns.ZoneServer;

/**
 * The dnsjava slot's resolver, built the way its component builds it but pointed at one zone
 * server (the hostile suite's mutating relay) and with its own empty cache. It lives in the
 * bundle's package because the resolver's parts are package-private there; on the test class
 * path (no OSGi) that is allowed.
 */
public final class HostileResolvers {
    private HostileResolvers() {
    }

    /** A fresh resolver (empty cache, one UDP retry) that sends every name under {@code zone} to {@code server}. */
    public static DnsResolver forZone(String zone, InetSocketAddress server, Duration timeout, ExecutorService executor) {
        ZoneServer route = new ZoneServer() {
            @Override
            public String zone() {
                return zone;
            }

            @Override
            public InetSocketAddress address() {
                return server;
            }
        };
        return new StubResolver(new ServerRoute(() -> List.of(route), List.of(), "no system resolvers (hostile suite)"),
                new DnsTransport(timeout, 1), new DnsCache(Clock.systemUTC(), Duration.ofDays(1)), AddressOrder.IPV6_FIRST,
                executor);
    }
}
