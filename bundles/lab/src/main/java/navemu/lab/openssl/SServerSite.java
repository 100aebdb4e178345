package navemu.lab.openssl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import navemu.lab.ca.SiteCredential;
import navemu.lab.http.HttpResponse;
import navemu.lab.http.SiteResponder;

/**
 * A site served by {@code openssl s_server -early_data}: the one lab stack that accepts TLS 1.3
 * early data (0-RTT). s_server cannot answer HTTP itself with -early_data (OpenSSL refuses it
 * together with -www), so the lab drives it: the site's listening socket is the lab's, each
 * connection is relayed byte for byte to the child, the child's output says what request arrived
 * and whether as early data, and the lab gives the child the response to send. The answer says,
 * in its body and in {@code X-Lab-Early-Data}, how the request really arrived.
 *
 * <p>One connection at a time (s_server serves one); another waits up to {@link #TURN_WAIT} for
 * its turn, then is closed. The child starts at the first connection and is restarted when it
 * died or fell out of step; every wait has a timeout.
 */
public final class SServerSite implements AutoCloseable {

    /** How long a connection waits while another one is being served. */
    static final Duration TURN_WAIT = Duration.ofSeconds(10);
    /** How long s_server may take to print the request (the peer's handshake and request included). */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(10);
    /** How long the relay waits for both sides to end after the response. */
    static final Duration END_WAIT = Duration.ofSeconds(10);
    private static final Duration CREDENTIAL_WAIT = Duration.ofSeconds(120);
    private static final int MAX_RESPONSE = 4096;
    /** How long closing waits for the connection being served; then the child is killed under it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final String host;
    private final OpenSslTools tools;
    private final Supplier<CompletableFuture<SiteCredential>> credential;
    private final Path directory;
    private final SiteResponder responder;
    private final ReentrantLock turn = new ReentrantLock();
    /** Written under {@link #turn}; volatile so that {@link #childPid()} and a forced close read it without waiting. */
    private volatile SServerChild child;
    private volatile boolean closed;

    /** @param directory where the child's key and certificates are written (owner-only) */
    public SServerSite(String host, OpenSslTools tools, Supplier<CompletableFuture<SiteCredential>> credential, Path directory,
                       SiteResponder responder) {
        this.host = host;
        this.tools = tools;
        this.credential = credential;
        this.directory = directory;
        this.responder = responder;
    }

    /** Serves one accepted connection (whose reads time out): relays it to s_server and answers its request. */
    public void serve(Socket client) throws IOException {
        try {
            if (!turn.tryLock(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return; // another connection held s_server all along: this one is closed unanswered
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            SServerChild running = running();
            try (Socket server = new Socket()) {
                server.connect(running.address(), (int) TURN_WAIT.toMillis());
                server.setSoTimeout(client.getSoTimeout());
                Relay relay = Relay.start(client, server, host);
                boolean ended = answer(running);
                relay.awaitEnd(END_WAIT);
                if (!ended) {
                    running.transcript().awaitConnectionClosed(END_WAIT);
                }
            } catch (IOException outOfStep) {
                // s_server's output no longer matches the connections: start afresh next time.
                restartNextTime();
            }
        } finally {
            turn.unlock();
        }
    }

    /** Answers the connection's request, if one comes. @return true when s_server already said the connection ended */
    private boolean answer(SServerChild running) throws IOException {
        Optional<SServerTranscript.Received> received;
        try {
            received = running.transcript().nextRequest(REQUEST_WAIT);
        } catch (SServerTranscript.Unreadable e) {
            running.send(bytes(text(e.status, "Bad request: " + e.getMessage() + "\n"), true));
            return false;
        } catch (SocketTimeoutException e) {
            return false; // no request in time: the relay's own timeouts end the connection
        }
        if (received.isEmpty()) {
            return true; // the handshake failed, or the peer left before a request
        }
        SServerTranscript.Received request = received.get();
        String how = request.earlyData()
                ? "TLSv1.3 by OpenSSL s_server; this request arrived as early data (0-RTT), before the handshake finished"
                : "TLSv1.3 by OpenSSL s_server; this request arrived after the handshake (1-RTT): " + request.earlyDataStatus();
        HttpResponse response = responder.respond(request.request(), how)
                .withHeader("X-Lab-Early-Data: " + (request.earlyData() ? "accepted" : request.earlyDataStatus()));
        boolean head = request.request().method().equals("HEAD");
        byte[] bytes = bytes(response, !head);
        if (bytes.length > MAX_RESPONSE) {
            bytes = bytes(text(500, "The answer is over " + MAX_RESPONSE + " bytes, more than the lab hands openssl s_server at once.\n"), true);
        }
        running.send(bytes);
        return false;
    }

    private SServerChild running() throws IOException {
        if (closed) {
            throw new IOException("the site is closed");
        }
        if (child == null || !child.isAlive()) {
            if (child != null) {
                child.stop();
            }
            child = SServerChild.start(tools, await(), directory);
        }
        return child;
    }

    private void restartNextTime() {
        if (child != null) {
            child.stop();
        }
    }

    /** The running child's process ID, if one runs (for tests that check none is left). */
    public Optional<Long> childPid() {
        SServerChild c = child;
        return c != null && c.isAlive() ? Optional.of(c.pid()) : Optional.empty();
    }

    @Override
    public void close() {
        // The connection being served, if any, is ended by the origin closing its socket first,
        // so the turn is normally free at once; a bundle stop must not wait long either way.
        try {
            if (!turn.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                killWithoutTurn();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killWithoutTurn();
            return;
        }
        try {
            closed = true;
            if (child != null) {
                child.stop();
            }
        } finally {
            turn.unlock();
        }
    }

    private void killWithoutTurn() {
        SServerChild c = child;
        closed = true;
        if (c != null) {
            c.stop();
        }
    }

    private SiteCredential await() throws IOException {
        try {
            return credential.get().get(CREDENTIAL_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the lab CA could not make the certificate of " + host + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IOException("the certificate of " + host + " is still being made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static HttpResponse text(int status, String body) {
        return new HttpResponse(status, java.util.List.of("Content-Type: text/plain; charset=utf-8"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] bytes(HttpResponse response, boolean includeBody) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Connection: close — s_server serves one connection at a time, so the lab keeps none open.
        response.writeTo(out, true, includeBody);
        return out.toByteArray();
    }

    /**
     * Copies bytes both ways between the client and s_server, each direction on its own thread;
     * an end of stream is passed on as a half-close, so that the peer's close_notify and FIN reach
     * s_server in order (it then ends the connection cleanly and keeps the session for 0-RTT).
     */
    private static final class Relay {
        private final Socket client;
        private final Socket server;
        private final Thread up;
        private final Thread down;

        private Relay(Socket client, Socket server, String host) {
            this.client = client;
            this.server = server;
            this.up = daemon(() -> pump(client, server), "navemu-lab " + host + " relay to s_server");
            this.down = daemon(() -> pump(server, client), "navemu-lab " + host + " relay from s_server");
        }

        static Relay start(Socket client, Socket server, String host) {
            Relay relay = new Relay(client, server, host);
            relay.up.start();
            relay.down.start();
            return relay;
        }

        /** Waits for both directions to end; after {@code timeout} closes both sockets. */
        void awaitEnd(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                up.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                down.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(client);
            closeQuietly(server);
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // a timeout, a reset or the other side closed: end both directions
                closeQuietly(client);
                closeQuietly(server);
            }
        }

        private static Thread daemon(Runnable runnable, String name) {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing more to do
            }
        }
    }
}
