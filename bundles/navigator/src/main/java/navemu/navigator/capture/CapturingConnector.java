package navemu.navigator.capture;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;

/**
 * The {@code tcp} slot with a tap: connects through the slot's own implementation, then hands
 * back its connection wrapped so that every byte through it is also kept in the navigation's
 * capture. The slot's behaviour (which address, how long, what the trace says) is unchanged. A
 * connection kept open for reuse moves to the capture of each navigation that uses it.
 */
final class CapturingConnector implements TcpConnector, ReusedConnectionTap {
    private final TcpConnector slot;
    private final NavigationCapture capture;

    CapturingConnector(TcpConnector slot, NavigationCapture capture) {
        this.slot = slot;
        this.capture = capture;
    }

    @Override
    public Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException {
        long start = System.nanoTime();
        Connection connection = slot.connect(addresses, port, connectTimeout, trace);
        CapturedConnection captured = capture.opened(connection.local(), connection.remote(), start, System.nanoTime());
        return new CapturingConnection(connection, captured, capture);
    }

    /** A connection an earlier navigation's capture tapped: from now on its bytes go to this navigation's. */
    @Override
    public void continueOn(Connection tcp, long id) {
        if (tcp instanceof CapturingConnection tapped) {
            tapped.continueIn(capture, id);
        }
    }

    @Override
    public Duration oneWayDelay() {
        return slot.oneWayDelay();
    }
}
