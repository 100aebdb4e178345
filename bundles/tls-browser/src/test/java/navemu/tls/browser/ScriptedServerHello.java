package navemu.tls.browser;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import navemu.tls.core.alert.Alert;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;

/**
 * A loopback server that answers one ClientHello with a scripted ServerHello and then reports
 * the first plaintext alert the client sends. Records it cannot read as an alert (the client's
 * change_cipher_spec, 0-RTT data, or an alert under keys a TLS 1.2 server would not have) are
 * skipped, so an alert that is not readable in plaintext is reported as none.
 */
final class ScriptedServerHello implements AutoCloseable {
    private final ServerSocket listener;
    private final CompletableFuture<Alert> alert = new CompletableFuture<>();

    ScriptedServerHello(HandshakeMessage serverHello, HandshakeMessage... rest) throws IOException {
        this(clientHello -> flight(serverHello, rest));
    }

    /** @param answer the server's flight for the ClientHello received (e.g. a ServerHello that echoes its session id) */
    ScriptedServerHello(Function<ClientHello, byte[]> answer) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(answer), "scripted-server-hello");
        t.setDaemon(true);
        t.start();
    }

    /** Handshake messages back to back, as one record carries them. */
    static byte[] flight(HandshakeMessage first, HandshakeMessage... rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first.encode());
        for (HandshakeMessage m : rest) {
            out.writeBytes(m.encode());
        }
        return out.toByteArray();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The client's plaintext alert, or null if it sent none before closing. */
    Alert alertFromClient() throws Exception {
        return alert.get(15, TimeUnit.SECONDS);
    }

    private void serve(Function<ClientHello, byte[]> answer) {
        try (Socket s = listener.accept()) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] clientHello = readRecord(in)[1]; // one record for our client: type, length, body
            byte[] flight = answer.apply(ClientHello.decode(Arrays.copyOfRange(clientHello, 4, clientHello.length)));
            s.getOutputStream().write(new TlsRecord(ContentType.HANDSHAKE, 0x0303, flight).encode());
            s.getOutputStream().flush();
            while (true) {
                byte[][] record = readRecord(in);
                if (record[0][0] == ContentType.ALERT.code() && record[1].length == 2) {
                    alert.complete(Alert.decode(record[1]));
                    return;
                }
            }
        } catch (EOFException closed) {
            alert.complete(null);
        } catch (Exception e) {
            alert.completeExceptionally(e);
        }
    }

    /** {type}, fragment */
    private static byte[][] readRecord(DataInputStream in) throws IOException {
        byte[] header = new byte[5];
        in.readFully(header);
        byte[] fragment = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
        in.readFully(fragment);
        return new byte[][] {{header[0]}, fragment};
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
