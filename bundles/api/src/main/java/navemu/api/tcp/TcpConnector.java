package navemu.api.tcp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import navemu.api.NavigationException;
import navemu.api.trace.StepTrace;

/**
 * The {@code tcp} slot: opens a byte stream to one of the resolved addresses.
 *
 * <p>Contract: tries the addresses as the implementation's policy says (in order, or raced);
 * each attempt is bounded by {@code connectTimeout}. A refused connection fails with
 * {@code ERR_CONNECTION_REFUSED}, a timeout with {@code ERR_CONNECTION_TIMED_OUT}.
 * The TCP handshake counts as one round trip.
 */
@ConsumerType
public interface TcpConnector {

    Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException;

    /**
     * The one-way delay this transport's link adds to every packet now: zero for a real network,
     * half the RTT for an emulated link. The navigator hands it to the DNS step, so that queries
     * sent outside the TCP connection cross the same emulated network.
     */
    default Duration oneWayDelay() {
        return Duration.ZERO;
    }
}
