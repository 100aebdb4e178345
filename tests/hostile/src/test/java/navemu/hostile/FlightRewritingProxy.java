package navemu.hostile;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.handshake.HandshakeAssembler;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.ServerHello;

/**
 * A malicious server made from a real one: a proxy on loopback for one connection that rewrites
 * the server's ServerHello — or, in TLS 1.2, any message of its first flight — (sent in the
 * clear, so no key is needed) and passes everything else through. It watches the client's records for the alert the client sends, which the RFC names
 * for each broken rule. The client fails on the ServerHello itself, before any key is in use, so
 * its alert is in the clear too.
 */
final class FlightRewritingProxy implements AutoCloseable {

    /** Turns the server's real ServerHello into the one under test. */
    @FunctionalInterface
    interface Rewrite {
        ServerHello apply(ServerHello real) throws Exception;
    }

    /** Turns one of the server's plaintext handshake messages into the encoded message(s) to send instead. */
    @FunctionalInterface
    interface MessageRewrite {
        byte[] apply(HandshakeMessage real) throws Exception;
    }

    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;

    private final ServerSocket listener;
    private final int serverPort;
    private final MessageRewrite messages;
    private final CompletableFuture<AlertDescription> alertFromClient = new CompletableFuture<>();
    private volatile Socket client;
    private volatile Socket server;

    /** A proxy that rewrites the ServerHello and passes everything else on. */
    static FlightRewritingProxy serverHello(int serverPort, Rewrite rewrite) throws IOException {
        return serverHello(serverPort, rewrite, new byte[0]);
    }

    /** @param trailing bytes to put right after the ServerHello, in its record */
    static FlightRewritingProxy serverHello(int serverPort, Rewrite rewrite, byte[] trailing) throws IOException {
        byte[] after = trailing.clone();
        return new FlightRewritingProxy(serverPort, m -> m.type() != HandshakeType.SERVER_HELLO ? m.encode()
                : RecordMutation.concat(rewrite.apply(ServerHello.decode(m.body())).toMessage().encode(), after));
    }

    /** A proxy that may rewrite any message of the server's plaintext flight (TLS 1.2: up to ServerHelloDone). */
    static FlightRewritingProxy flight(int serverPort, MessageRewrite messages) throws IOException {
        return new FlightRewritingProxy(serverPort, messages);
    }

    private FlightRewritingProxy(int serverPort, MessageRewrite messages) throws IOException {
        this.serverPort = serverPort;
        this.messages = messages;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        Thread t = new Thread(this::run, "server-hello-rewriter");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The first alert the client sent, or null when it sent none before closing (waits at most 10 s). */
    AlertDescription alertFromClient() throws Exception {
        try {
            return alertFromClient.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    private void run() {
        try {
            client = listener.accept();
            server = new Socket();
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5000);
            Thread up = new Thread(this::clientToServer, "server-hello-rewriter-up");
            up.setDaemon(true);
            up.start();
            serverToClient();
        } catch (Exception e) {
            // Only this direction is over: the client's alert may still be on its way up, and
            // closing its socket now would lose it. The upward pump closes all at the client's end.
            try {
                if (client != null) {
                    client.shutdownOutput();
                }
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Passes the client's records on, and notes its first alert. */
    private void clientToServer() {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = server.getOutputStream();
            while (true) {
                byte[] header = new byte[5];
                in.readFully(header);
                byte[] fragment = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
                in.readFully(fragment);
                if ((header[0] & 0xff) == ALERT && fragment.length == 2) {
                    alertFromClient.complete(AlertDescription.of(fragment[1] & 0xff));
                }
                out.write(header);
                out.write(fragment);
                out.flush();
            }
        } catch (IOException e) {
            alertFromClient.complete(null);
            close();
        }
    }

    /**
     * Reassembles the server's plaintext handshake messages (until its first change_cipher_spec or
     * application_data record), rewrites each through {@link #messages}, sends each result in a
     * record of its own, then copies the rest of the stream as it comes.
     */
    private void serverToClient() throws Exception {
        DataInputStream in = new DataInputStream(server.getInputStream());
        OutputStream out = client.getOutputStream();
        HandshakeAssembler assembler = new HandshakeAssembler();
        while (true) {
            byte[] header = new byte[5];
            in.readFully(header);
            byte[] fragment = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
            in.readFully(fragment);
            if ((header[0] & 0xff) != HANDSHAKE) {
                out.write(header);
                out.write(fragment);
                break;
            }
            assembler.add(fragment);
            for (HandshakeMessage m; (m = assembler.next()) != null; ) {
                out.write(RecordMutation.record(header, messages.apply(m)));
            }
            out.flush();
        }
        out.flush();
        InputStream rest = server.getInputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = rest.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
        client.shutdownOutput();
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {listener, client, server}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing
                }
            }
        }
    }
}
