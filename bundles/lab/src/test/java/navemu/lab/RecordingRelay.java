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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay that keeps a copy of what the server sends on each connection, so a test
 * can read the bytes of a ServerHello that the JDK's TLS client does not expose. Connections are
 * relayed one after the other, on one port (so a client's session cache sees one server).
 */
final class RecordingRelay implements Closeable {

    private final ServerSocket listener;
    private final int target;
    private final List<ByteArrayOutputStream> fromServer = new CopyOnWriteArrayList<>();
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
        while (!listener.isClosed()) {
            try (Socket client = listener.accept(); Socket server = new Socket("127.0.0.1", target)) {
                client.setSoTimeout(10_000);
                server.setSoTimeout(10_000);
                ByteArrayOutputStream record = new ByteArrayOutputStream();
                fromServer.add(record);
                Thread up = new Thread(() -> copy(client, server, null), "test relay up");
                up.setDaemon(true);
                up.start();
                copy(server, client, record);
                up.join(10_000);
            } catch (IOException | InterruptedException e) {
                return; // closed, or the test sees the outcome on its own socket
            }
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

    /** ServerHello.random of the first connection. */
    byte[] firstServerRandom() throws IOException {
        return serverRandom(0);
    }

    /**
     * ServerHello.random of a connection's first handshake message (RFC 8446 §4.1.3): record header
     * (5 bytes), handshake header (4), legacy_version (2), then 32 bytes of random.
     */
    byte[] serverRandom(int connection) throws IOException {
        return Arrays.copyOfRange(serverHello(connection), 11, 43);
    }

    /** The extension types of a connection's ServerHello (RFC 8446 §4.1.3), in order. */
    List<Integer> serverHelloExtensions(int connection) throws IOException {
        byte[] b = serverHello(connection);
        int at = 43;
        at += 1 + (b[at] & 0xff);   // legacy_session_id_echo
        at += 2 + 1;                // cipher_suite, legacy_compression_method
        int end = at + 2 + (((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
        at += 2;
        List<Integer> types = new java.util.ArrayList<>();
        while (at + 4 <= end) {
            types.add(((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
            at += 4 + (((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff));
        }
        return types;
    }

    /**
     * The group of a connection's ServerHello key_share (RFC 8446 §4.2.8: KeyShareEntry.group first),
     * or -1 when it has none (a TLS 1.2 ServerHello).
     */
    int serverKeyShareGroup(int connection) throws IOException {
        byte[] b = serverHello(connection);
        int at = 43;
        at += 1 + (b[at] & 0xff);
        at += 2 + 1;
        int end = at + 2 + (((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
        at += 2;
        while (at + 4 <= end) {
            int type = ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
            if (type == 51) {
                return ((b[at + 4] & 0xff) << 8) | (b[at + 5] & 0xff);
            }
            at += 4 + (((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff));
        }
        return -1;
    }

    /** How many bytes the server sent on a connection, all records counted. */
    int bytesFromServer(int connection) {
        ByteArrayOutputStream record = fromServer.get(connection);
        synchronized (record) {
            return record.size();
        }
    }

    private byte[] serverHello(int connection) throws IOException {
        if (connection >= fromServer.size()) {
            throw new IOException("only " + fromServer.size() + " connections were relayed");
        }
        byte[] bytes;
        ByteArrayOutputStream record = fromServer.get(connection);
        synchronized (record) {
            bytes = record.toByteArray();
        }
        if (bytes.length < 43 || bytes[0] != 22 || bytes[5] != 2) {
            throw new IOException("the server's first record is not a ServerHello: " + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 12))));
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
