package navemu.tcp.happyeyeballs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.tcp.Connection;

@Timeout(30)
class HappyEyeballsConnectorTest {

    private final HappyEyeballsConnector connector = new HappyEyeballsConnector(Duration.ofMillis(250));
    private final List<AutoCloseableSocket> toClose = new ArrayList<>();

    private interface AutoCloseableSocket extends AutoCloseable {
        @Override void close() throws IOException;
    }

    @AfterEach
    void close() throws IOException {
        for (AutoCloseableSocket s : toClose) {
            s.close();
        }
    }

    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }

    /**
     * A listener on [::1] whose accept queue is full: the kernel drops further SYNs, so a connect
     * there never completes — the loopback stand-in for a broken IPv6 path.
     */
    private ServerSocket ipv6BlackHole() throws IOException {
        ServerSocket hole;
        try {
            hole = new ServerSocket(0, 1, ip("::1"));
        } catch (IOException noIpv6) {
            Assumptions.abort("no IPv6 loopback on this machine (" + noIpv6.getMessage() + "); the race cannot be shown");
            return null;
        }
        toClose.add(hole::close);
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            toClose.add(filler::close);
            try {
                filler.connect(new InetSocketAddress(ip("::1"), hole.getLocalPort()), 300);
            } catch (SocketTimeoutException dropped) {
                return hole;
            }
        }
        Assumptions.abort("this kernel never dropped a SYN; a black hole cannot be made on loopback");
        return hole;
    }

    @Test
    void interleavingAlternatesFamiliesStartingWithTheResolversFirstChoice() throws IOException {
        List<InetAddress> ordered = AddressInterleaving.interleave(List.of(ip("::1"), ip("::2"), ip("127.0.0.1"),
                ip("127.0.0.2")));
        assertEquals(List.of(ip("::1"), ip("127.0.0.1"), ip("::2"), ip("127.0.0.2")), ordered);
    }

    @Test
    void whenIpv6NeverAnswersIpv4StartsAfterTheAttemptDelayAndWins() throws Exception {
        ServerSocket hole = ipv6BlackHole();
        ServerSocket ipv4 = new ServerSocket(hole.getLocalPort(), 5, ip("127.0.0.1"));
        toClose.add(ipv4::close);
        RecordingTrace trace = new RecordingTrace();
        long start = System.nanoTime();
        try (Connection connection = connector.connect(List.of(ip("::1"), ip("127.0.0.1")), hole.getLocalPort(),
                Duration.ofSeconds(5), trace)) {
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ip("127.0.0.1"), connection.remote().getAddress());
            assertEquals(2, trace.details.get("winner"));
            assertTrue(elapsedMs >= 250, "IPv4 may only start after the 250 ms delay, started after " + elapsedMs);
            assertTrue(trace.lines.stream().anyMatch(l -> l.contains("attempt 2 to 127.0.0.1") && l.contains("Connection Attempt Delay")),
                    trace.lines.toString());
            assertEquals(1, trace.roundTrips.size(), "the attempts overlapped: one round trip");
        }
    }

    @Test
    void aRefusedFirstAttemptStartsTheNextAtOnce() throws Exception {
        ServerSocket ipv4 = new ServerSocket(0, 5, ip("127.0.0.1"));
        toClose.add(ipv4::close);
        RecordingTrace trace = new RecordingTrace();
        // Nothing listens on [::1] at that port: RST at once, so attempt 2 must not wait for the delay.
        try (Connection connection = connector.connect(List.of(ip("::1"), ip("127.0.0.1")), ipv4.getLocalPort(),
                Duration.ofSeconds(5), trace)) {
            assertEquals(ip("127.0.0.1"), connection.remote().getAddress());
            assertTrue(trace.lines.stream().anyMatch(l -> l.contains("attempt 2") && l.contains("(attempt 1 failed)")),
                    trace.lines.toString());
            assertEquals(2, trace.roundTrips.size());
        }
    }

    @Test
    void whenEveryAttemptFailsTheErrorNamesThemAll() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        int closedPort = port;
        NavigationException e = assertThrows(NavigationException.class, () -> connector.connect(
                List.of(ip("127.0.0.1"), ip("127.0.0.2")), closedPort, Duration.ofSeconds(2), new RecordingTrace()));
        assertEquals(NetError.ERR_CONNECTION_REFUSED, e.error());
        assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("127.0.0.2"), e.getMessage());
    }

    @Test
    void aDelayBelowTheRfcFloorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HappyEyeballsConnector(Duration.ofMillis(5)));
        assertTrue(e.getMessage().contains("RFC 8305"));
    }
}
