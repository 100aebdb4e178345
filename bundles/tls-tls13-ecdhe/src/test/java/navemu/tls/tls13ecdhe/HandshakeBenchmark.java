package navemu.tls.tls13ecdhe;

import navemu.tls.core.testing.TestPki;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.client.Tls13Client;

import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import navemu.api.tls.KeyLog;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.crypto.Tls13CipherSuite;

/**
 * Full TLS 1.3 handshakes per second against Bouncy Castle's TLS server on loopback: navemu's
 * {@code tls13-ecdhe} client and the JDK's {@code SSLSocket} client side by side, in one run,
 * with the same server, suite (TLS_AES_128_GCM_SHA256), group (x25519) and certificate.
 * Each handshake is a new TCP connection, ClientHello to client Finished, then close; the BC
 * server does not resume TLS 1.3 sessions, so every handshake is full for both clients.
 *
 * <p>Run: {@code mvn -o -q -pl bundles/tls-tls13-ecdhe exec:java} (after {@code install}), or
 * {@code java -cp ... navemu.tls.tls13ecdhe.HandshakeBenchmark [secondsPerRun]}.
 */
public final class HandshakeBenchmark {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger BC_LOG = java.util.logging.Logger.getLogger("org.bouncycastle.jsse");

    public static void main(String[] args) throws Exception {
        // BCJSSE logs every connection at INFO through java.util.logging: keep the output to the figures.
        BC_LOG.setLevel(java.util.logging.Level.WARNING);
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        System.out.printf(Locale.ROOT, "TLS 1.3 full handshakes per second, loopback, BC TLS server, %s, x25519, %.1f s per run%n",
                Tls13CipherSuite.TLS_AES_128_GCM_SHA256, seconds);
        System.out.printf(Locale.ROOT, "%-8s %18s %18s %8s%n", "cert", "tls13-ecdhe (ours)", "jsse (JDK client)", "ratio");
        for (TestPki.KeyType key : TestPki.KeyType.values()) {
            TestPki pki = TestPki.create(key);
            try (JsseServer server = JsseServer.start(JsseServer.Impl.BC, pki,
                    new String[] {Tls13CipherSuite.TLS_AES_128_GCM_SHA256.name()}, null)) {
                Client ours = ours(pki, server.port());
                Client jdk = jdk(pki, server.port());
                // Warm up both (JIT), then alternate the measured runs so neither always goes first.
                measure(ours, seconds / 2);
                measure(jdk, seconds / 2);
                double o1 = measure(ours, seconds);
                double j1 = measure(jdk, seconds);
                double j2 = measure(jdk, seconds);
                double o2 = measure(ours, seconds);
                double o = (o1 + o2) / 2;
                double j = (j1 + j2) / 2;
                System.out.printf(Locale.ROOT, "%-8s %18.1f %18.1f %8.2f%n", key, o, j, o / j);
            }
        }
        System.out.println("ratio = ours / JDK (above 1: our client completes more handshakes per second)");
    }

    interface Client {
        void handshake() throws Exception;
    }

    private static double measure(Client client, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            client.handshake();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static Client ours(TestPki pki, int port) {
        Tls13Client handshaker = new Tls13Client(Tls13ClientConfig.defaults()
                .withCipherSuites(Tls13CipherSuite.TLS_AES_128_GCM_SHA256));
        RootValidator validator = new RootValidator(pki.root);
        TlsRequest request = new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(10));
        return () -> {
            TlsContext context = new TlsContext(validator, null, Instant.now(), KeyLog.NONE);
            SecureChannel channel = handshaker.handshake(request, SocketConnection.connect(port), context, StepTrace.NONE);
            channel.close();
        };
    }

    private static Client jdk(TestPki pki, int port) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", pki.root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, tmf.getTrustManagers(), null);
        return () -> {
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setTcpNoDelay(true);
                s.setSoTimeout(10_000);
                var params = s.getSSLParameters();
                params.setServerNames(List.of(new javax.net.ssl.SNIHostName(TestPki.HOST)));
                params.setApplicationProtocols(new String[] {"http/1.1"});
                params.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(params);
                s.setEnabledProtocols(new String[] {"TLSv1.3"});
                s.setEnabledCipherSuites(new String[] {Tls13CipherSuite.TLS_AES_128_GCM_SHA256.name()});
                s.startHandshake();
            }
        };
    }
}
