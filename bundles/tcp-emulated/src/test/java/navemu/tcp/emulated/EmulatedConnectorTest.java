package navemu.tcp.emulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.tcp.Connection;
import navemu.tcp.emulated.api.LinkConditions;

/**
 * The emulated link against a real echo server on loopback. Timing assertions use wide bounds
 * (lower bounds the shaping guarantees, generous upper bounds); the exact figures are printed by
 * {@link EmulatedLinkBenchmark}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmulatedConnectorTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Sleeps and wake-ups are never early, but the clock's grain and rounding allow a little slack. */
    private static final long TOLERANCE_MS = 10;

    private static LinkConditions rtt(long millis) {
        return LinkConditions.OFF.withRtt(Duration.ofMillis(millis));
    }

    private static EmulatedConnector connector(LinkConditions link) {
        return new EmulatedConnector(() -> link, () -> 12345L);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void theConnectTakesOneRttAndOneRequestResponseAnother() throws Exception {
        try (EchoServer echo = new EchoServer()) {
            RecordingTrace trace = new RecordingTrace();
            long start = System.nanoTime();
            try (Connection connection = connector(rtt(100)).connect(List.of(LOOPBACK), echo.port(), TIMEOUT, trace)) {
                long connected = millisSince(start);
                connection.setReadTimeout(TIMEOUT);
                long exchangeStart = System.nanoTime();
                connection.output().write("ping".getBytes());
                byte[] answer = new byte[4];
                new DataInputStream(connection.input()).readFully(answer);
                long exchange = millisSince(exchangeStart);
                long total = millisSince(start);

                assertEquals("ping", new String(answer));
                assertTrue(connected >= 100 - TOLERANCE_MS && connected < 1_000, "connect took " + connected + " ms");
                assertTrue(exchange >= 100 - TOLERANCE_MS && exchange < 1_000, "exchange took " + exchange + " ms");
                assertTrue(total >= 200 - TOLERANCE_MS && total < 2_000, "connect + exchange took " + total + " ms");
            }
            assertEquals(1, trace.roundTrips.size(), "the TCP handshake is one round trip");
            assertTrue(trace.lines.get(0).startsWith("emulated link: custom: RTT 100 ms"), trace.lines.get(0));
            assertEquals(100.0, ((Map<?, ?>) trace.details.get("link")).get("rttMs"));
            double measured = (Double) trace.details.get("connectMs");
            assertTrue(measured >= 100 - TOLERANCE_MS, "the trace shows the measured connect time: " + measured);
        }
    }

    @Test
    void everyRequestResponseFlightCostsAnotherRtt() throws Exception {
        try (EchoServer echo = new EchoServer();
             Connection connection = connector(rtt(60)).connect(List.of(LOOPBACK), echo.port(), TIMEOUT, new RecordingTrace())) {
            connection.setReadTimeout(TIMEOUT);
            DataInputStream in = new DataInputStream(connection.input());
            long start = System.nanoTime();
            for (int flight = 0; flight < 4; flight++) {
                connection.output().write(new byte[] {(byte) flight});
                assertEquals(flight, in.readByte());
            }
            long took = millisSince(start);
            assertTrue(took >= 4 * 60 - TOLERANCE_MS && took < 3_000, "4 flights took " + took + " ms");
        }
    }

    @Test
    void aBandwidthLimitMakes100KilobytesAt1MbitTakeAtLeast800Milliseconds() throws Exception {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        LinkConditions link = LinkConditions.OFF.withBandwidth(1_000_000);
        try (EchoServer echo = new EchoServer();
             Connection connection = connector(link).connect(List.of(LOOPBACK), echo.port(), TIMEOUT, new RecordingTrace())) {
            connection.setReadTimeout(TIMEOUT);
            long start = System.nanoTime();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(connection, data));
            byte[] back = new byte[data.length];
            new DataInputStream(connection.input()).readFully(back);
            writing.get(10, TimeUnit.SECONDS);
            long took = millisSince(start);

            assertArrayEquals(data, back);
            // 800,000 bits at 1,000,000 bit/s: 0.8 s on the uplink alone (the downlink overlaps it).
            assertTrue(took >= 800 - TOLERANCE_MS && took < 10_000, "100 KB echoed in " + took + " ms");
        }
    }

    @Test
    void underLossAndJitterEveryByteArrivesIntactAndInOrderOnlyLater() throws Exception {
        byte[] data = new byte[200_000];
        new Random(2).nextBytes(data);
        LinkConditions link = LinkConditions.OFF.withRtt(Duration.ofMillis(2)).withJitter(Duration.ofMillis(1)).withLoss(0.05);
        try (EchoServer echo = new EchoServer();
             Connection connection = connector(link).connect(List.of(LOOPBACK), echo.port(), TIMEOUT, new RecordingTrace())) {
            connection.setReadTimeout(TIMEOUT);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(connection, data));
            byte[] back = new byte[data.length];
            new DataInputStream(connection.input()).readFully(back);
            writing.get(20, TimeUnit.SECONDS);

            assertArrayEquals(data, back);
            long[] losses = ((EmulatedConnection) connection).losses();
            assertTrue(losses[0] + losses[1] > 0, "about 5 % of 274 segments were lost and resent");
        }
    }

    @Test
    void closeDeliversTheBytesWrittenBeforeItThenTheFin() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                    return in.readAllBytes(); // returns at the FIN
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Connection connection = connector(rtt(50)).connect(List.of(LOOPBACK), server.getLocalPort(), TIMEOUT,
                    new RecordingTrace());
            connection.output().write("last words".getBytes());
            connection.close();
            assertEquals("last words", new String(received.get(5, TimeUnit.SECONDS)));
        }
    }

    @Test
    void aReadWaitsNoLongerThanTheReadTimeout() throws Exception {
        try (EchoServer echo = new EchoServer();
             Connection connection = connector(rtt(10)).connect(List.of(LOOPBACK), echo.port(), TIMEOUT, new RecordingTrace())) {
            connection.setReadTimeout(Duration.ofMillis(200));
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> connection.input().read());
            long waited = millisSince(start);
            assertTrue(waited >= 200 - TOLERANCE_MS && waited < 5_000, "waited " + waited + " ms");
        }
    }

    @Test
    void theServerClosingIsSeenAsEndOfStreamHalfAnRttLater() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write("bye".getBytes());
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (Connection connection = connector(rtt(40)).connect(List.of(LOOPBACK), server.getLocalPort(), TIMEOUT,
                    new RecordingTrace())) {
                connection.setReadTimeout(TIMEOUT);
                assertEquals("bye", new String(connection.input().readAllBytes()));
            }
        }
    }

    @Test
    void aRefusedConnectionIsErrConnectionRefusedAfterTheRstCameBack() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = probe.getLocalPort();
        }
        RecordingTrace trace = new RecordingTrace();
        long start = System.nanoTime();
        NavigationException e = assertThrows(NavigationException.class,
                () -> connector(rtt(100)).connect(List.of(LOOPBACK), closedPort, TIMEOUT, trace));
        long took = millisSince(start);
        assertEquals(NetError.ERR_CONNECTION_REFUSED, e.error());
        assertTrue(e.getMessage().contains("nothing listens on that port"), e.getMessage());
        assertTrue(took >= 100 - TOLERANCE_MS, "SYN out and RST back across the link: " + took + " ms");
    }

    @Test
    void anRttBeyondTheConnectTimeoutIsErrConnectionTimedOut() throws Exception {
        try (EchoServer echo = new EchoServer()) {
            long start = System.nanoTime();
            NavigationException e = assertThrows(NavigationException.class, () -> connector(rtt(2_000))
                    .connect(List.of(LOOPBACK), echo.port(), Duration.ofMillis(300), new RecordingTrace()));
            long took = millisSince(start);
            assertEquals(NetError.ERR_CONNECTION_TIMED_OUT, e.error());
            assertTrue(took >= 300 - TOLERANCE_MS && took < 1_500, "gave up at the timeout: " + took + " ms");
        }
    }

    @Test
    void theAddressesAreTriedInOrder() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = probe.getLocalPort();
        }
        NavigationException e = assertThrows(NavigationException.class, () -> connector(rtt(0)).connect(
                List.of(LOOPBACK, InetAddress.getByName("127.0.0.2")), closedPort, TIMEOUT, new RecordingTrace()));
        assertTrue(e.getMessage().startsWith("all 2 addresses failed: 127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void noAddressOrABadPortIsAClearError() {
        EmulatedConnector connector = connector(rtt(0));
        assertEquals("no address to connect to", assertThrows(NavigationException.class,
                () -> connector.connect(List.of(), 443, TIMEOUT, new RecordingTrace())).getMessage());
        assertEquals("port 0 is not a TCP port", assertThrows(NavigationException.class,
                () -> connector.connect(List.of(LOOPBACK), 0, TIMEOUT, new RecordingTrace())).getMessage());
    }

    private static void write(Connection connection, byte[] data) {
        try {
            OutputStream out = connection.output();
            for (int i = 0; i < data.length; i += 10_000) {
                out.write(data, i, Math.min(10_000, data.length - i));
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
