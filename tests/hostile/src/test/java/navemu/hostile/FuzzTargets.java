package navemu.hostile;

import java.util.ArrayList;
import java.util.List;

import navemu.tls.core.testing.TestPki;

/**
 * The real servers each client is fuzzed against: the JDK's TLS server in this process, and
 * {@code openssl s_server} (TLS 1.3 and 1.2) when OpenSSL is installed. Each client meets the
 * versions and key exchanges it offers; the browser client meets all of them.
 */
final class FuzzTargets implements AutoCloseable {
    final TestPki pki;
    final List<FuzzServer> servers = new ArrayList<>();

    private FuzzTargets(TestPki pki) {
        this.pki = pki;
    }

    /** @param opensslProcesses how many s_server processes per OpenSSL server, at most that many connections at once (0: leave OpenSSL out) */
    static FuzzTargets forClient(OwnTlsClient client, int opensslProcesses) throws Exception {
        boolean openssl = opensslProcesses > 0 && OpenSslWwwServer.binary() != null;
        FuzzTargets t = new FuzzTargets(TestPki.create(client == OwnTlsClient.TLS12_RSA ? TestPki.KeyType.RSA : TestPki.KeyType.ECDSA));
        try {
            switch (client) {
                case TLS13_ECDHE -> {
                    t.servers.add(JdkHttpsServer.tls13(t.pki));
                    if (openssl) {
                        t.servers.add(new OpenSslWwwServer("openssl-tls13", t.pki, "-tls1_3", null, opensslProcesses));
                    }
                }
                case TLS12_RSA -> {
                    t.servers.add(JdkHttpsServer.tls12("jdk-tls12-rsa", t.pki, "TLS_RSA_WITH_AES_128_GCM_SHA256",
                            "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA256"));
                    if (openssl) {
                        t.servers.add(new OpenSslWwwServer("openssl-tls12-rsa", t.pki, "-tls1_2",
                                "AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256", opensslProcesses));
                    }
                }
                case BROWSER -> {
                    t.servers.add(JdkHttpsServer.tls13(t.pki));
                    t.servers.add(JdkHttpsServer.tls12("jdk-tls12-ecdhe", t.pki, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"));
                    if (openssl) {
                        t.servers.add(new OpenSslWwwServer("openssl-tls13", t.pki, "-tls1_3", null, opensslProcesses));
                        t.servers.add(new OpenSslWwwServer("openssl-tls12-ecdhe", t.pki, "-tls1_2",
                                "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305", opensslProcesses));
                    }
                }
                default -> throw new IllegalArgumentException(client.toString());
            }
        } catch (Exception e) {
            t.close();
            throw e;
        }
        return t;
    }

    @Override
    public void close() {
        servers.forEach(FuzzServer::close);
    }
}
