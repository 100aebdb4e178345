package navemu.navigator.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.tcp.Connection;

/**
 * The metered connection times each round trip on its critical path: from the flight's first
 * write to the read that gets the answer. Lower bounds only.
 */
@Timeout(20)
class MeteredConnectionTest {

    private static final long MS = 1_000_000;

    /** A server that answers each 4 bytes after thinking {@code thinkMs}. */
    private static ServerSocket thinkingEcho(long thinkMs) throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                byte[] four;
                while ((four = in.readNBytes(4)).length == 4) {
                    LockSupport.parkNanos(thinkMs * MS);
                    out.write(four);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static Connection plain(Socket socket) {
        return new Connection() {
            @Override public InputStream input() throws IOException { return socket.getInputStream(); }
            @Override public OutputStream output() throws IOException { return socket.getOutputStream(); }
            @Override public void setReadTimeout(Duration t) throws IOException { socket.setSoTimeout((int) t.toMillis()); }
            @Override public InetSocketAddress remote() { return (InetSocketAddress) socket.getRemoteSocketAddress(); }
            @Override public InetSocketAddress local() { return (InetSocketAddress) socket.getLocalSocketAddress(); }
            @Override public void close() throws IOException { socket.close(); }
        };
    }

    @Test
    void workDoneWhileTheFlightIsOutIsHiddenBehindTheNetwork() throws Exception {
        try (ServerSocket server = thinkingEcho(60); Socket socket = new Socket()) {
            socket.connect(server.getLocalSocketAddress(), 5_000);
            socket.setSoTimeout(5_000);
            MeteredConnection metered = new MeteredConnection(plain(socket));
            NetworkClock clock = new NetworkClock();
            metered.chargeTo(clock);

            metered.output().write("ping".getBytes());
            LockSupport.parkNanos(20 * MS); // the client works while its flight is out
            byte[] answer = new DataInputStream(metered.input()).readNBytes(4);

            assertArrayEquals("ping".getBytes(), answer);
            // The read alone blocked for as little as 40 ms; the round trip took at least the server's 60.
            assertTrue(clock.nanos() >= 60 * MS, "the whole round trip is network: " + clock.nanos() / 1e6);
        }
    }

    @Test
    void aFlightOfTheStepBeforeIsNotChargedToTheNext() throws Exception {
        try (ServerSocket server = thinkingEcho(0); Socket socket = new Socket()) {
            socket.connect(server.getLocalSocketAddress(), 5_000);
            MeteredConnection metered = new MeteredConnection(plain(socket));
            NetworkClock tls = new NetworkClock();
            metered.chargeTo(tls);
            metered.output().write("done".getBytes()); // a last flight whose answer this step never reads
            LockSupport.parkNanos(30 * MS);

            NetworkClock http = new NetworkClock();
            long httpStart = System.nanoTime();
            metered.chargeTo(http);
            new DataInputStream(metered.input()).readNBytes(4);
            long httpSpan = System.nanoTime() - httpStart;

            assertTrue(http.nanos() <= httpSpan, "the next step counts only its own time: " + http.nanos() / 1e6
                    + " ms in a span of " + httpSpan / 1e6);
        }
    }
}
