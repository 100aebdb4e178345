package navemu.api.dns;

import org.osgi.annotation.versioning.ConsumerType;

import navemu.api.NavigationException;
import navemu.api.trace.StepTrace;

/**
 * The {@code dns} slot: turns a host name into the addresses to connect to. This is the whole
 * contract an implementation must meet (like OkHttp's {@code Dns}, one method); what only some
 * resolvers can do is a separate interface the same service may also implement: {@link DnsCache}
 * (a cache the shell lists and flushes, and a navigation's private cache) and
 * {@link LinkDelayedResolver} (queries that cross the emulated link).
 *
 * <p>Contract: the addresses come in the order the client should try them; an IP-literal
 * host resolves to itself without a query. A name that does not exist fails with
 * {@code ERR_NAME_NOT_RESOLVED}; a server failure or timeout with {@code ERR_NAME_RESOLUTION_FAILED}.
 * Every network wait has a timeout. Safe to call from several threads at once.
 */
@ConsumerType
public interface DnsResolver {

    DnsAnswer resolve(String host, StepTrace trace) throws NavigationException;
}
