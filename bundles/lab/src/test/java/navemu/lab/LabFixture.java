package navemu.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.SSLEngine;
import java.net.Socket;

/** What the lab's tests share: the repository's config, one running lab, and JDK TLS clients. */
final class LabFixture {

    private static LabWorld shared;

    private LabFixture() {
    }

    /** The repository's {@code config/} directory (surefire runs in {@code bundles/lab}). */
    static Path configDir() {
        Path config = Path.of("").toAbsolutePath().resolve("../../config").normalize();
        if (!Files.isDirectory(config.resolve("lab"))) {
            throw new IllegalStateException("cannot find the repository's config/lab from " + Path.of("").toAbsolutePath());
        }
        return config;
    }

    /**
     * A small config directory of its own for tests that start labs of their own (so that they do
     * not each make the catalog's RSA 4096 key): www.lab.test with HTTPS and HTTP, and a plain-HTTP-only site.
     */
    static Path miniConfig(Path dir) throws IOException {
        Path lab = Files.createDirectories(dir.resolve("lab"));
        Files.writeString(lab.resolve("sites.conf"), """
                [www.lab.test]
                purpose = the reference site
                http    = redirect-to-https

                [plain.lab.test]
                purpose = plain HTTP only
                tls     = none
                http    = page
                """);
        Files.writeString(lab.resolve("lab.test.zone"), """
                $ORIGIN lab.test.
                $TTL 60
                @     IN SOA ns.lab.test. hostmaster.lab.test. ( 1 3600 600 86400 30 )
                @     IN NS  ns.lab.test.
                ns    IN A   127.0.0.1
                www   IN A   127.0.0.1
                www   IN HTTPS 1 . alpn=http/1.1 port={https-port:www.lab.test}
                plain IN A   127.0.0.1
                """);
        return dir;
    }

    /** One lab for the whole test run (a cold start makes an RSA 4096 key, so start it once). */
    static synchronized LabWorld shared() {
        if (shared == null) {
            try {
                Path home = Files.createTempDirectory("navemu-lab-test-home");
                shared = LabWorld.start(home, configDir());
                LabWorld lab = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    lab.close();
                    deleteQuietly(home);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** The JDK's TLS client trusting only {@code root}, with the JDK's own PKIX checks and hostname check. */
    static SSLContext trusting(X509Certificate root) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("lab-root", root);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }

    /**
     * A trust manager that accepts anything and records the chain, to look at what a server sends.
     * An X509ExtendedTrustManager, so the JDK does not add its own hostname check around it.
     */
    static final class ChainRecorder extends X509ExtendedTrustManager {
        final List<X509Certificate> chain = new ArrayList<>();

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) {
            checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) {
            checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) {
            chain.clear();
            chain.addAll(List.of(certificates));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        SSLContext context() throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, new SecureRandom());
            return context;
        }
    }

    /**
     * Connects to {@code host}'s HTTPS server with SNI {@code host} and hostname verification
     * (RFC 2818) on, and completes the handshake.
     */
    static SSLSocket handshake(SSLContext context, String host, int port, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (protocols.length > 0) {
            parameters.setProtocols(protocols);
        }
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }
}
