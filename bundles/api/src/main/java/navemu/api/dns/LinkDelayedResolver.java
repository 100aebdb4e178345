package navemu.api.dns;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

import navemu.api.NavigationException;
import navemu.api.trace.StepTrace;

/**
 * A {@link DnsResolver} that sends its own queries and can send them across the navigation's
 * emulated link (see {@link navemu.api.tcp.TcpConnector#oneWayDelay()}). The navigator uses it
 * when the resolver implements it; for any other resolver the trace says that its time is the
 * real network's.
 */
@ConsumerType
public interface LinkDelayedResolver extends DnsResolver {

    /**
     * Resolves as {@link #resolve(String, StepTrace)} does, holding each query back by
     * {@code oneWayDelay} on the way out and on the way back.
     */
    DnsAnswer resolve(String host, Duration oneWayDelay, StepTrace trace) throws NavigationException;
}
