package navemu.navigator.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.tcp.Connection;
import navemu.api.trace.StepTrace;

/**
 * The capture is a decorator of the tcp slot: what the decorated connection knows about the
 * server's own time (the emulated link sees it) must come through unchanged, or every step's
 * time split would lose its server part whenever a capture is running — which is always.
 */
class CapturingConnectionTest {

    /** A connection that has seen the server work for 42 µs so far, as the emulated link reports it. */
    private static final class ServerTimedConnection implements Connection {
        @Override
        public InputStream input() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public OutputStream output() {
            return new ByteArrayOutputStream();
        }

        @Override
        public void setReadTimeout(Duration timeout) {
        }

        @Override
        public InetSocketAddress remote() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 443);
        }

        @Override
        public InetSocketAddress local() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
        }

        @Override
        public long serverNanos() {
            return 42_000;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theServersTimeSeenByTheDecoratedConnectionComesThroughTheCapture() throws Exception {
        CapturingConnector connector = new CapturingConnector(
                (addresses, port, timeout, trace) -> new ServerTimedConnection(), new NavigationCapture());
        try (Connection captured = connector.connect(List.of(InetAddress.getLoopbackAddress()), 443,
                Duration.ofSeconds(1), StepTrace.NONE)) {
            assertEquals(42_000, captured.serverNanos());
        }
    }
}
