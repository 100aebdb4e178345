package navemu.tls.browser.interop;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import navemu.tls.core.testing.NginxServer;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.TestPki;

/**
 * The independent TLS servers of the interop matrix, each started with the TLS versions and key
 * exchange groups (IANA names) a case asks for, on a loopback port. Which of them can offer
 * X25519MLKEM768 is a fact of the versions installed here: BoringSSL (Conscrypt 2.7.0) and
 * Bouncy Castle 1.82 can; OpenSSL 3.0 (ML-KEM came in 3.5), nginx built on it, and JDK 17
 * cannot.
 */
enum InteropPeer {
    BORINGSSL("BoringSSL (Conscrypt)", true, "handshake_failure") {
        @Override
        InteropServer start(TestPki pki, List<String> versions, List<String> groups) throws Exception {
            return ConscryptServer.start(pki, versions, groups);
        }
    },
    BOUNCY_CASTLE("Bouncy Castle 1.82 (BCJSSE)", true, "handshake_failure") {
        @Override
        InteropServer start(TestPki pki, List<String> versions, List<String> groups) throws Exception {
            return JsseServerProcess.start(true, pki, versions, groups);
        }
    },
    JDK("JDK 17 (SunJSSE)", false, "unexpected_message") {
        @Override
        InteropServer start(TestPki pki, List<String> versions, List<String> groups) throws Exception {
            return JsseServerProcess.start(false, pki, versions, groups);
        }
    },
    OPENSSL("openssl s_server (OpenSSL 3.0)", false, "handshake_failure") {
        @Override
        InteropServer start(TestPki pki, List<String> versions, List<String> groups) throws Exception {
            if (OpenSslServer.binary() == null) {
                throw new IllegalStateException("openssl is not installed (scripts/prerequisites.sh --tests installs it)");
            }
            if (versions.size() != 1) {
                throw new IllegalArgumentException("s_server is started for one version: " + versions);
            }
            OpenSslServer server = OpenSslServer.start(versions.get(0).equals("TLSv1.3") ? "-tls1_3" : "-tls1_2", pki, null,
                    openSslNames(groups, ":"));
            return new InteropServer() {
                @Override
                public int port() {
                    return server.port();
                }

                @Override
                public String output() {
                    return server.output();
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        }
    },
    NGINX("nginx 1.22 (nginx-light, on OpenSSL 3.0)", false, "handshake_failure") {
        @Override
        InteropServer start(TestPki pki, List<String> versions, List<String> groups) throws Exception {
            NginxServer server = NginxServer.start(pki, new NginxServer.Options(String.join(" ", versions),
                    openSslNames(groups, ":"), false));
            return new InteropServer() {
                @Override
                public int port() {
                    return server.port();
                }

                @Override
                public String output() {
                    return server.output();
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        }

        @Override
        String path() {
            return NginxServer.STATIC_PATH;
        }
    };

    /** OpenSSL's names for the IANA group names; X25519MLKEM768 keeps its name (OpenSSL 3.5 knows it, 3.0 does not). */
    private static final Map<String, String> OPENSSL_GROUP_NAMES = Map.of(
            "x25519", "X25519", "secp256r1", "P-256", "secp384r1", "P-384", "secp521r1", "P-521",
            "X25519MLKEM768", "X25519MLKEM768");

    final String description;
    final boolean offersHybrid;
    /**
     * The alert a TLS 1.3-only server sends when it shares no group with our ClientHello. RFC 8446
     * §4.1.1 says handshake_failure (or insufficient_security); JDK 17 sends unexpected_message
     * ("No common named group"), which a browser can only take as a protocol error.
     */
    final String alertWithoutCommonGroup;

    InteropPeer(String description, boolean offersHybrid, String alertWithoutCommonGroup) {
        this.description = description;
        this.offersHybrid = offersHybrid;
        this.alertWithoutCommonGroup = alertWithoutCommonGroup;
    }

    /**
     * Starts the server.
     *
     * @param versions e.g. {@code TLSv1.3}
     * @param groups   IANA names, in the server's order of preference
     */
    abstract InteropServer start(TestPki pki, List<String> versions, List<String> groups) throws Exception;

    /** What to GET: the lab-less servers answer any path; nginx serves its one static file. */
    String path() {
        return "/";
    }

    private static String openSslNames(List<String> groups, String separator) {
        return groups.stream().map(g -> {
            String name = OPENSSL_GROUP_NAMES.get(g);
            if (name == null) {
                throw new IllegalArgumentException("no OpenSSL name for " + g);
            }
            return name;
        }).collect(Collectors.joining(separator));
    }

    @Override
    public String toString() {
        return description;
    }
}
