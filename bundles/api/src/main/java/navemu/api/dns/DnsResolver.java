package navemu.api.dns;

import navemu.api.NavigationException;
import navemu.api.trace.StepTrace;

/**
 * The {@code dns} slot: turns a host name into the addresses to connect to.
 *
 * <p>Contract: the addresses come in the order the client should try them; an IP-literal
 * host resolves to itself without a query. A name that does not exist fails with
 * {@code ERR_NAME_NOT_RESOLVED}; a server failure or timeout with {@code ERR_NAME_RESOLUTION_FAILED}.
 * Every network wait has a timeout. Safe to call from several threads at once.
 */
public interface DnsResolver {

    DnsAnswer resolve(String host, StepTrace trace) throws NavigationException;

    /**
     * Resolves across a link that delays each packet by {@code oneWayDelay} in each direction (the
     * navigation's emulated network, see {@link navemu.api.tcp.TcpConnector#oneWayDelay()}). A
     * resolver that sends its own queries holds each one back by the delay on the way out and on
     * the way back; one that cannot says so in the trace.
     */
    default DnsAnswer resolve(String host, java.time.Duration oneWayDelay, StepTrace trace) throws NavigationException {
        if (!oneWayDelay.isZero()) {
            trace.info("this resolver's queries do not cross the emulated link (" + oneWayDelay.toMillis()
                    + " ms each way): its time is the real network's");
        }
        return resolve(host, trace);
    }

    /**
     * What the resolver's cache holds now, one line per entry (name, type, answer, TTL left), for
     * the shell's {@code dns cache}. Empty when the cache is empty; {@link java.util.Optional#empty()}
     * when this resolver keeps no cache at all.
     */
    default java.util.Optional<java.util.List<String>> cacheEntries() {
        return java.util.Optional.empty();
    }

    /** Empties the cache ({@code dns flush}); returns how many entries were dropped, or -1 when there is no cache. */
    default int flushCache() {
        return -1;
    }
}
