package navemu.hostile;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;

/**
 * A TCP proxy on loopback for one connection: the client's bytes go to the server untouched; the
 * server's bytes are read record by record (RFC 8446 §5.1 framing) and the {@link RecordMutation}
 * is applied to the record it targets. It remembers what it changed, so the verdict can tell a
 * content change from a legitimate re-framing.
 */
final class MutatingTlsProxy implements AutoCloseable {
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int APPLICATION_DATA = 23;
    private static final int MAX_RECORD = 5 + (1 << 14) + 2048;

    private final ServerSocket listener;
    private final int serverPort;
    private final RecordMutation mutation;
    private volatile Socket client;
    private volatile Socket server;
    private volatile String applied;

    MutatingTlsProxy(int serverPort, RecordMutation mutation, ExecutorService threads) throws IOException {
        this.serverPort = serverPort;
        this.mutation = mutation;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        threads.execute(() -> run(threads));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** What the mutation changed, or null when its target never came or it could not apply. */
    String applied() {
        return applied;
    }

    private void run(ExecutorService threads) {
        try {
            client = listener.accept();
            listener.close();
            server = new Socket();
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5000);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            threads.execute(this::clientToServer);
            serverToClient();
        } catch (IOException e) {
            close();
        }
    }

    private void clientToServer() {
        try (InputStream in = client.getInputStream()) {
            OutputStream out = server.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            server.shutdownOutput();
        } catch (IOException e) {
            close();
        }
    }

    private void serverToClient() {
        try {
            BufferedInputStream buffered = new BufferedInputStream(server.getInputStream(), 1 << 16);
            DataInputStream in = new DataInputStream(buffered);
            OutputStream out = client.getOutputStream();
            boolean plaintext = true;
            int index = 0;
            byte[] pending = null;
            while (true) {
                byte[] record = pending != null ? pending : readRecord(in);
                pending = null;
                if (record == null) {
                    client.shutdownOutput();
                    return;
                }
                int type = record[0] & 0xff;
                if (type == CHANGE_CIPHER_SPEC || type == APPLICATION_DATA) {
                    plaintext = false;
                }
                if (index++ == mutation.targetRecord() && applied == null) {
                    byte[] header = java.util.Arrays.copyOfRange(record, 0, 5);
                    byte[] fragment = java.util.Arrays.copyOfRange(record, 5, record.length);
                    byte[] following = null;
                    if (mutation.kind() == RecordMutation.Kind.MERGE_RECORDS && buffered.available() >= 5) {
                        // Only a record that has already arrived: waiting for one could wait forever.
                        following = readRecord(in);
                        pending = following;
                    }
                    RecordMutation.Applied change = mutation.apply(header, fragment, plaintext, following);
                    if (change != null) {
                        applied = change.description();
                        if (mutation.kind() == RecordMutation.Kind.MERGE_RECORDS) {
                            pending = null;
                        }
                        for (byte[] piece : change.recordsToSend()) {
                            out.write(piece);
                        }
                        out.flush();
                        if (change.closeAfter()) {
                            close();
                            return;
                        }
                        continue;
                    }
                }
                out.write(record);
                out.flush();
            }
        } catch (IOException e) {
            close();
        }
    }

    /** One whole record (header and fragment), or null at a clean end of stream. */
    private static byte[] readRecord(DataInputStream in) throws IOException {
        byte[] header = new byte[5];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        in.readFully(header, 1, 4);
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        if (length > MAX_RECORD) {
            throw new EOFException("the server sent a record of " + length + " bytes");
        }
        byte[] record = new byte[5 + length];
        System.arraycopy(header, 0, record, 0, 5);
        in.readFully(record, 5, length);
        return record;
    }

    @Override
    public void close() {
        closeQuietly(listener);
        closeQuietly(client);
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
        }
    }
}
