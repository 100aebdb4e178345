package navemu.tls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * Prints how long a full JSSE handshake takes on loopback (TLS 1.3 and 1.2, fresh SSLContext each
 * time, as the tls slot does), and one trace of each. Not a test: run it by hand.
 *
 * <pre>java -cp target/classes:target/test-classes:$(deps) navemu.tls.jsse.JsseHandshakeBenchmark [rounds]</pre>
 */
public final class JsseHandshakeBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (String version : List.of("TLSv1.3", "TLSv1.2")) {
            run(version, rounds);
        }
    }

    private static void run(String version, int rounds) throws Exception {
        TestCertificates certificates = new TestCertificates("www.lab.test");
        try (SSLServerSocket server = (SSLServerSocket) certificates.serverContext().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            SSLParameters parameters = server.getSSLParameters();
            parameters.setProtocols(new String[] {version});
            server.setSSLParameters(parameters);
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (SSLSocket peer = (SSLSocket) server.accept()) {
                        // Without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms stalls to the server's flight.
                        peer.setTcpNoDelay(true);
                        peer.startHandshake();
                        peer.getInputStream().read();
                    } catch (IOException e) {
                        // next client
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < rounds + 20; i++) {
                StepTrace trace = i == 0 || i == rounds + 19 ? new PrintingTrace() : StepTrace.NONE;
                long start = System.nanoTime();
                SecureChannel channel = new JsseTlsClient().handshake(
                        new TlsRequest("www.lab.test", server.getLocalPort(), List.of("http/1.1"), null, Duration.ofSeconds(5)),
                        SocketConnection.to(server.getLocalPort()),
                        new TlsContext((request, t) -> new CertVerdict(true, null, null, null), NO_SESSIONS, Instant.now(), null),
                        trace);
                double elapsed = (System.nanoTime() - start) / 1e6;
                channel.close();
                if (i >= 20) {
                    millis.add(elapsed); // the first 20 warm the JIT
                }
            }
            Collections.sort(millis);
            System.out.printf("%s full handshake on loopback (TCP connect included), %d rounds: median %.2f ms,"
                    + " p90 %.2f ms, min %.2f ms%n%n", version, rounds, millis.get(millis.size() / 2),
                    millis.get(millis.size() * 9 / 10), millis.get(0));
        }
    }

    private static final SessionStore NO_SESSIONS = new SessionStore() {
        @Override public Optional<StoredSession> find(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public Optional<StoredSession> take(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public void put(SessionKey key, StoredSession session) { }
        @Override public void remove(SessionKey key) { }
        @Override public List<Entry> list(Instant now) { return List.of(); }
        @Override public void clear() { }
    };

    /** Prints the trace the way a reader would see it. */
    static final class PrintingTrace implements StepTrace {
        private final long start = System.nanoTime();

        private String at() {
            return String.format("%7.2f ms", (System.nanoTime() - start) / 1e6);
        }

        @Override public void info(String text) { System.out.println(at() + "  . " + text); }
        @Override public void sent(String message, int length, Map<String, String> fields) {
            System.out.println(at() + "  C>S " + message + " (" + length + " bytes) " + fields);
        }
        @Override public void received(String message, int length, Map<String, String> fields) {
            System.out.println(at() + "  S>C " + message + " (" + length + " bytes) " + fields);
        }
        @Override public void secret(String label, String hex) { }
        @Override public void roundTrip(String why) { System.out.println(at() + "  ~ round trip: " + why); }
        @Override public void detail(String key, Object value) { }
    }
}
