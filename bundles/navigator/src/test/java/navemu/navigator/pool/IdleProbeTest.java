package navemu.navigator.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.tcp.Connection;

/** The probe on real loopback sockets: quiet is idle, a FIN is closed, a byte is unread data (and stays readable). */
@Timeout(20)
class IdleProbeTest {

    @Test
    void quietIsIdleAFinIsClosedAndAByteIsUnreadDataStillThereToRead() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket server = listener.accept()) {
            IdleProbe probe = new IdleProbe(new SocketConnection(client));
            assertEquals(IdleProbe.State.IDLE, probe.probe(Duration.ofSeconds(5)));
            assertEquals(5000, client.getSoTimeout(), "the read timeout is put back");

            server.getOutputStream().write('x');
            Thread.sleep(100);
            assertEquals(IdleProbe.State.UNREAD_DATA, probe.probe(Duration.ofSeconds(5)));
            assertEquals('x', probe.input().read(), "the byte was pushed back, not lost");

            server.shutdownOutput();
            Thread.sleep(100);
            assertEquals(IdleProbe.State.CLOSED, probe.probe(Duration.ofSeconds(5)));
        }
    }

    private record SocketConnection(Socket socket) implements Connection {
        @Override public InputStream input() throws IOException { return socket.getInputStream(); }
        @Override public OutputStream output() throws IOException { return socket.getOutputStream(); }
        @Override public void setReadTimeout(Duration t) throws IOException { socket.setSoTimeout((int) t.toMillis()); }
        @Override public InetSocketAddress remote() { return (InetSocketAddress) socket.getRemoteSocketAddress(); }
        @Override public InetSocketAddress local() { return (InetSocketAddress) socket.getLocalSocketAddress(); }
        @Override public void close() throws IOException { socket.close(); }
    }
}
