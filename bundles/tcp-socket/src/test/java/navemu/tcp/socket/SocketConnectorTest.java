package navemu.tcp.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.tcp.Connection;

@Timeout(20)
class SocketConnectorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final SocketConnector connector = new SocketConnector();

    private static InetAddress loopback(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }

    /** A port on which nothing listens: bound once, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, loopback("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    @Test
    void aPortWithNoListenerIsRefused() throws IOException {
        int port = closedPort();
        RecordingTrace trace = new RecordingTrace();
        NavigationException e = assertThrows(NavigationException.class,
                () -> connector.connect(List.of(loopback("127.0.0.1")), port, TIMEOUT, trace));
        assertEquals(NetError.ERR_CONNECTION_REFUSED, e.error());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertEquals(1, trace.roundTrips.size());
    }

    @Test
    void aListeningServerGetsAConnectionThatCarriesBytesBothWays() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, loopback("127.0.0.1"))) {
            Thread echo = new Thread(() -> {
                try (Socket peer = server.accept()) {
                    int b = peer.getInputStream().read();
                    peer.getOutputStream().write(b + 1);
                } catch (IOException ignored) {
                    // the test fails on its own side if the echo did not happen
                }
            });
            echo.start();
            RecordingTrace trace = new RecordingTrace();
            try (Connection connection = connector.connect(List.of(loopback("127.0.0.1")), server.getLocalPort(),
                    TIMEOUT, trace)) {
                connection.setReadTimeout(TIMEOUT);
                OutputStream out = connection.output();
                out.write(41);
                out.flush();
                InputStream in = connection.input();
                assertEquals(42, in.read());
                assertEquals(server.getLocalPort(), connection.remote().getPort());
                assertEquals(connection.local().getPort(), trace.details.get("localPort"));
                assertEquals("127.0.0.1", trace.details.get("address"));
                assertTrue(trace.details.containsKey("connectMs"));
                // The line says the port and the time the details hold, the time with its one decimal.
                assertTrue(trace.lines.contains("connected to 127.0.0.1:" + server.getLocalPort() + " from local port "
                        + connection.local().getPort() + " in " + SocketConnector.tenths((Double) trace.details.get("connectMs"))
                        + " ms"), trace.lines.toString());
            }
            echo.join(5000);
            assertEquals(1, trace.roundTrips.size(), "one TCP handshake, one round trip");
        }
    }

    @Test
    void whenTheFirstAddressRefusesTheNextIsTried() throws Exception {
        // Linux answers for the whole 127/8 range; a server bound to 127.0.0.1 only leaves 127.0.0.2 refusing.
        try (ServerSocket server = new ServerSocket(0, 5, loopback("127.0.0.1"))) {
            RecordingTrace trace = new RecordingTrace();
            try (Connection connection = connector.connect(List.of(loopback("127.0.0.2"), loopback("127.0.0.1")),
                    server.getLocalPort(), TIMEOUT, trace)) {
                assertEquals(loopback("127.0.0.1"), connection.remote().getAddress());
            }
            assertEquals(2, trace.roundTrips.size(), "a refused SYN also spent a round trip");
            assertTrue(trace.lines.stream().anyMatch(l -> l.contains("127.0.0.2") && l.contains("ERR_CONNECTION_REFUSED")),
                    trace.lines.toString());
        }
    }

    @Test
    void whenEveryAddressFailsTheLastErrorIsReportedAndAllAreListed() throws IOException {
        int port = closedPort();
        NavigationException e = assertThrows(NavigationException.class, () -> connector.connect(
                List.of(loopback("127.0.0.2"), loopback("127.0.0.1")), port, TIMEOUT, new RecordingTrace()));
        assertEquals(NetError.ERR_CONNECTION_REFUSED, e.error());
        assertTrue(e.getMessage().contains("127.0.0.2") && e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void aServerWhoseAcceptQueueIsFullTimesOut() throws IOException {
        // When the listen queue is full, Linux drops further SYNs: the connect waits until its timeout.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, loopback("127.0.0.1"))) {
            boolean full = false;
            for (int i = 0; i < 16 && !full; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(new InetSocketAddress(loopback("127.0.0.1"), server.getLocalPort()), 300);
                } catch (SocketTimeoutException dropped) {
                    full = true;
                }
            }
            Assumptions.assumeTrue(full, "this kernel never dropped a SYN; the timeout path cannot be shown here");
            NavigationException e = assertThrows(NavigationException.class, () -> connector.connect(
                    List.of(loopback("127.0.0.1")), server.getLocalPort(), Duration.ofMillis(300), new RecordingTrace()));
            assertEquals(NetError.ERR_CONNECTION_TIMED_OUT, e.error());
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void connectTimesAreWrittenWithOneDecimalWhateverTheLocale() throws Exception {
        assertEquals("0.0", SocketConnector.tenths(0.0));
        assertEquals("0.4", SocketConnector.tenths(0.4));
        assertEquals("2.0", SocketConnector.tenths(2.0));
        assertEquals("12.3", SocketConnector.tenths(12.3));
        assertEquals("1234.5", SocketConnector.tenths(1234.5));
        // A locale whose decimal mark is a comma does not reach the trace (the views and the JSON say "1.4").
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try (ServerSocket server = new ServerSocket(0, 5, loopback("127.0.0.1"))) {
            RecordingTrace trace = new RecordingTrace();
            try (Connection connection = connector.connect(List.of(loopback("127.0.0.1")), server.getLocalPort(), TIMEOUT, trace)) {
                String connected = trace.lines.stream().filter(l -> l.startsWith("connected to ")).findFirst().orElseThrow();
                assertTrue(connected.matches("connected to 127\\.0\\.0\\.1:\\d+ from local port \\d+ in \\d+\\.\\d ms"), connected);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * The tcp step names the address, port and round trip of a direct connection, so the
     * connection is direct even when the JVM is told of a SOCKS proxy (here a closed port, for
     * every host, loopback included): with {@code new Socket()} the connect went to the proxy and failed.
     */
    @Test
    void aSocksProxyInTheJvmsSettingsIsNotUsed() throws Exception {
        List<String> keys = List.of("socksProxyHost", "socksProxyPort", "socksNonProxyHosts");
        List<String> before = keys.stream().map(System::getProperty).toList();
        int proxyPort = closedPort();
        System.setProperty("socksProxyHost", "127.0.0.1");
        System.setProperty("socksProxyPort", Integer.toString(proxyPort));
        System.setProperty("socksNonProxyHosts", ""); // empty: no host bypasses the proxy, loopback neither
        try (ServerSocket server = new ServerSocket(0, 5, loopback("127.0.0.1"))) {
            server.setSoTimeout((int) TIMEOUT.toMillis());
            RecordingTrace trace = new RecordingTrace();
            try (Connection connection = connector.connect(List.of(loopback("127.0.0.1")), server.getLocalPort(), TIMEOUT, trace);
                 Socket accepted = server.accept()) {
                // The server's peer is our socket itself: nothing stood between them.
                assertEquals(connection.local().getPort(), accepted.getPort());
                assertEquals(server.getLocalPort(), connection.remote().getPort());
            }
        } finally {
            for (int i = 0; i < keys.size(); i++) {
                if (before.get(i) == null) {
                    System.clearProperty(keys.get(i));
                } else {
                    System.setProperty(keys.get(i), before.get(i));
                }
            }
        }
    }

    @Test
    void anEmptyAddressListIsRejectedWithAReason() {
        NavigationException e = assertThrows(NavigationException.class,
                () -> connector.connect(List.of(), 443, TIMEOUT, new RecordingTrace()));
        assertTrue(e.getMessage().contains("no address"));
    }
}
