package navemu.tls.core.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;

/**
 * A man in the middle on loopback, record by record: forwards the client's bytes as they are and
 * hands each record of the server to a {@link Rewrite}, which may change it, drop it or add
 * records around it — what an attacker on the path can do without any key. One connection at a
 * time; each new connection starts counting records from 0.
 */
public final class RecordRewritingProxy implements AutoCloseable {

    /** What to send the client in place of the server's record number {@code index} (0-based). */
    public interface Rewrite {
        List<TlsRecord> apply(int index, TlsRecord record);
    }

    private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());

    public RecordRewritingProxy(int targetPort, Rewrite fromServer) throws IOException {
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setSoTimeout(15_000);
                    server.setSoTimeout(15_000);
                    start(() -> copyBytes(client.getInputStream(), server.getOutputStream()), client, server);
                    start(() -> copyRecords(server.getInputStream(), client.getOutputStream(), fromServer), client, server);
                } catch (IOException e) {
                    return;
                }
            }
        }, "record-rewriting-proxy");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private interface Pump {
        void run() throws IOException;
    }

    private static void start(Pump pump, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException e) {
                // one side went away: so does the other
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "record-rewriting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void copyBytes(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 14];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    private static void copyRecords(InputStream in, OutputStream out, Rewrite rewrite) throws IOException {
        DataInputStream data = new DataInputStream(in);
        for (int index = 0; ; index++) {
            byte[] header = new byte[TlsRecord.HEADER_LENGTH];
            try {
                data.readFully(header);
            } catch (EOFException end) {
                return;
            }
            byte[] fragment = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
            data.readFully(fragment);
            ContentType type = ContentType.of(header[0] & 0xff);
            if (type == null) {
                out.write(header);
                out.write(fragment);
            } else {
                int version = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
                for (TlsRecord r : rewrite.apply(index, new TlsRecord(type, version, fragment))) {
                    out.write(r.encode());
                }
            }
            out.flush();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
