package navemu.tls.boringssl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import navemu.api.tcp.Connection;

/** The plainest {@link Connection}, for tests: a connected loopback socket. */
final class SocketConnection implements Connection {
    private final Socket socket;

    SocketConnection(Socket socket) {
        this.socket = socket;
    }

    static SocketConnection to(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setTcpNoDelay(true);
        return new SocketConnection(socket);
    }

    @Override public InputStream input() throws IOException { return socket.getInputStream(); }
    @Override public OutputStream output() throws IOException { return socket.getOutputStream(); }
    @Override public void setReadTimeout(Duration timeout) throws IOException { socket.setSoTimeout((int) timeout.toMillis()); }
    @Override public InetSocketAddress remote() { return (InetSocketAddress) socket.getRemoteSocketAddress(); }
    @Override public InetSocketAddress local() { return (InetSocketAddress) socket.getLocalSocketAddress(); }
    @Override public void close() throws IOException { socket.close(); }
}
