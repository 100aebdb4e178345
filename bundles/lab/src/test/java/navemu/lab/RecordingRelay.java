package navemu.lab;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A loopback TCP relay for one connection that keeps a copy of what the server sends, so a test
 * can read the bytes of a ServerHello that the JDK's TLS client does not expose.
 */
final class RecordingRelay implements Closeable {

    private final ServerSocket listener;
    private final int target;
    private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
    private final Thread acceptor;

    RecordingRelay(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listener.setSoTimeout(10_000);
        acceptor = new Thread(this::relay, "test relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void relay() {
        try (Socket client = listener.accept(); Socket server = new Socket("127.0.0.1", target)) {
            client.setSoTimeout(10_000);
            server.setSoTimeout(10_000);
            Thread up = new Thread(() -> copy(client, server, null), "test relay up");
            up.setDaemon(true);
            up.start();
            copy(server, client, fromServer);
            up.join(10_000);
        } catch (IOException | InterruptedException e) {
            // the test sees the outcome on its own socket
        }
    }

    private static void copy(Socket from, Socket to, ByteArrayOutputStream record) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (record != null) {
                    synchronized (record) {
                        record.write(buffer, 0, n);
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // connection over
        }
    }

    /**
     * ServerHello.random of the server's first handshake message (RFC 8446 §4.1.3): record header
     * (5 bytes), handshake header (4), legacy_version (2), then 32 bytes of random.
     */
    byte[] firstServerRandom() throws IOException {
        byte[] bytes;
        synchronized (fromServer) {
            bytes = fromServer.toByteArray();
        }
        if (bytes.length < 43 || bytes[0] != 22 || bytes[5] != 2) {
            throw new IOException("the server's first record is not a ServerHello: " + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 12))));
        }
        return Arrays.copyOfRange(bytes, 11, 43);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
