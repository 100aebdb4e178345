package navemu.navigator.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.tcp.Connection;
import navemu.api.trace.StepTrace;
import navemu.navigator.FixedServerTimeConnection;

/**
 * The capture is a decorator of the tcp slot: what the decorated connection knows about the
 * server's own time (the emulated link sees it) must come through unchanged, or every step's
 * time split would lose its server part whenever a capture is running — which is always.
 */
class CapturingConnectionTest {

    @Test
    void theServersTimeSeenByTheDecoratedConnectionComesThroughTheCapture() throws Exception {
        CapturingConnector connector = new CapturingConnector(
                (addresses, port, timeout, trace) -> new FixedServerTimeConnection(42_000), new NavigationCapture());
        try (Connection captured = connector.connect(List.of(InetAddress.getLoopbackAddress()), 443,
                Duration.ofSeconds(1), StepTrace.NONE)) {
            assertEquals(42_000, captured.serverNanos());
        }
    }
}
