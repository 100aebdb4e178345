package navemu.dns.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import navemu.api.dns.AddressLiteral;
import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/**
 * The JDK's resolver ({@link InetAddress#getAllByName}, which calls the operating system's
 * getaddrinfo), for comparison with the stub resolvers. It is a black box: it shows no server, no
 * query, no rcode, no TTL and no HTTPS record, and it may answer from the JDK's own cache
 * ({@code networkaddress.cache.ttl}) or the system's without saying so. The trace says what it cannot see.
 */
public final class SystemResolver implements DnsResolver {

    private final Supplier<List<ZoneServer>> zones;
    private final Duration timeout;
    private final ExecutorService executor;

    public SystemResolver(Supplier<List<ZoneServer>> zones, Duration timeout, ExecutorService executor) {
        this.zones = zones;
        this.timeout = timeout;
        this.executor = executor;
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        if (host == null || host.isBlank()) {
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "no host name to resolve");
        }
        String name = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        Optional<InetAddress> literal = AddressLiteral.parse(name);
        if (literal.isPresent()) {
            trace.info(host + " is an IP literal: it resolves to itself");
            return DnsAnswer.of(List.of(literal.get()), false);
        }
        for (ZoneServer zone : zones.get()) {
            if (zone.covers(name)) {
                List<InetAddress> addresses = ZoneLookup.resolve(name, zone, timeout, trace);
                return answer(addresses, trace);
            }
        }
        trace.info("asking the JDK (InetAddress.getAllByName, i.e. the system's getaddrinfo): it shows no server,"
                + " query, rcode, TTL or HTTPS record, and may answer from a cache without saying so"
                + " (JDK positive cache: networkaddress.cache.ttl=" + cacheTtl() + ")");
        String lookupName = name;
        long start = System.nanoTime();
        Future<InetAddress[]> lookup = executor.submit(() -> InetAddress.getAllByName(lookupName));
        try {
            InetAddress[] found = lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            trace.info(String.format("the JDK answered in %.1f ms; whether a query left the machine cannot be told,"
                    + " so no round trip is counted", (System.nanoTime() - start) / 1e6));
            return answer(List.of(found), trace);
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new NavigationException(NetError.ERR_ABORTED, "DNS resolution was cancelled");
        } catch (TimeoutException e) {
            // getaddrinfo cannot be interrupted; its thread finishes in the background.
            lookup.cancel(true);
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "the system resolver gave no answer"
                    + " for " + name + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException) {
                throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "the system resolver found no address"
                        + " for " + name + " (the JDK does not say whether the name does not exist or the lookup"
                        + " failed)", cause);
            }
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "the system resolver failed: " + cause,
                    cause);
        }
    }

    private static DnsAnswer answer(List<InetAddress> addresses, StepTrace trace) {
        trace.detail("addresses", addresses.stream().map(InetAddress::getHostAddress).toList());
        trace.detail("ttl", "unknown (the JDK's resolver does not expose TTLs)");
        trace.info("addresses " + addresses.stream().map(InetAddress::getHostAddress).toList()
                + "; TTLs unknown; no HTTPS record is asked, so no port or ALPN (the port map decides)");
        return DnsAnswer.of(addresses, false);
    }

    private static String cacheTtl() {
        String ttl = Security.getProperty("networkaddress.cache.ttl");
        return ttl == null ? "unset (30 s by default)" : ttl + " s";
    }
}
