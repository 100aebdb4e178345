package navemu.tcp.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.tcp.Connection;
import navemu.api.trace.NetworkWait;
import navemu.api.trace.StepTrace;
import navemu.tcp.emulated.api.LinkConditions;

/**
 * The emulated link tells the server's own time apart from its delay, and marks its connect as
 * network time. Lower bounds only, each one a consequence of the arithmetic (a held packet is
 * never delivered early), never a speed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerTimeTest {

    private static final Duration RTT = Duration.ofMillis(100);
    private static final long THINK_MS = 60;

    /** Reads four bytes, thinks, answers them back; once per connection. */
    private static Thread thinkingServer(ServerSocket server) {
        Thread t = new Thread(() -> {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
                 OutputStream out = socket.getOutputStream()) {
                byte[] request = new DataInputStream(in).readNBytes(4);
                LockSupport.parkNanos(Duration.ofMillis(THINK_MS).toNanos());
                out.write(request);
                out.flush();
                in.read(); // until the client closes
            } catch (IOException ignored) {
                // the test is over
            }
        }, "thinking-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void theServersThinkingIsCountedApartFromTheLinksRoundTrip() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            thinkingServer(server);
            EmulatedConnector connector = new EmulatedConnector(() -> LinkConditions.OFF.withRtt(RTT), () -> 7L);
            try (Connection connection = connector.connect(List.of(InetAddress.getLoopbackAddress()), server.getLocalPort(),
                    Duration.ofSeconds(5), new RecordingTrace())) {
                connection.setReadTimeout(Duration.ofSeconds(5));
                assertEquals(0, connection.serverNanos(), "nothing answered yet");
                long start = System.nanoTime();
                connection.output().write("ping".getBytes());
                byte[] answer = new DataInputStream(connection.input()).readNBytes(4);
                long exchange = System.nanoTime() - start;
                long thinking = connection.serverNanos();

                assertEquals("ping", new String(answer));
                assertTrue(thinking >= Duration.ofMillis(THINK_MS).toNanos(), "the server thought 60 ms: " + thinking / 1e6);
                // The request crossed the link before the server was handed it and the answer after it
                // came off the socket: whatever the server did, a whole RTT is left for the link.
                assertTrue(exchange - thinking >= RTT.toNanos() - Duration.ofMillis(2).toNanos(),
                        "the link's share: " + (exchange - thinking) / 1e6 + " ms of " + exchange / 1e6);
            }
        }
    }

    @Test
    void theConnectIsMarkedAsNetworkTimeForAtLeastTheRtt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicLong open = new AtomicLong();
            AtomicLong waited = new AtomicLong();
            StepTrace trace = new StepTrace() {
                @Override public void info(String text) { }
                @Override public void sent(String message, int length, Map<String, String> fields) { }
                @Override public void received(String message, int length, Map<String, String> fields) { }
                @Override public void secret(String label, String hex) { }
                @Override public void roundTrip(String why) { }
                @Override public void detail(String key, Object value) { }

                @Override
                public NetworkWait networkWait() {
                    long start = System.nanoTime();
                    open.incrementAndGet();
                    return () -> waited.addAndGet(System.nanoTime() - start);
                }
            };
            EmulatedConnector connector = new EmulatedConnector(() -> LinkConditions.OFF.withRtt(RTT), () -> 7L);
            try (Connection connection = connector.connect(List.of(InetAddress.getLoopbackAddress()), server.getLocalPort(),
                    Duration.ofSeconds(5), trace)) {
                assertTrue(open.get() >= 2, "the SYN and the SYN-ACK on the link are waits: " + open.get());
                assertTrue(waited.get() >= RTT.toNanos(), "at least one RTT: " + waited.get() / 1e6);
            }
        }
    }
}
