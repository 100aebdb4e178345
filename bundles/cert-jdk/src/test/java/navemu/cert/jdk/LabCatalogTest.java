package navemu.cert.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import java.net.Socket;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.cert.ValidationRequest;
import navemu.api.lab.LabSite;
import navemu.api.trace.StepTrace;
import navemu.lab.LabWorld;

/**
 * Every HTTPS site of the lab's catalog (config/lab/sites.conf) whose point is its certificate,
 * validated with the lab root as the only anchor: the verdict must be the error the catalog expects
 * (a browser's), or acceptance when it expects none, except where the JDK's policy is documented to
 * be looser than a browser's ({@link #JDK_ACCEPTS}): there the JDK accepts, and the checks say why.
 */
@Timeout(300)
class LabCatalogTest {

    @TempDir
    static Path home;
    private static LabWorld lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabWorld.start(home, Path.of("../../config"));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** Sites a browser rejects and the JDK accepts, with the words the checks must contain. */
    private static final java.util.Map<String, String> JDK_ACCEPTS = java.util.Map.of(
            "no-san.lab.test", "subject CN",
            "sha1-intermediate.lab.test", "SHA1withECDSA",
            "rsa1024.lab.test", "RSA 1024",
            "long-validity.lab.test", "398 days");

    static Stream<LabSite> certificateSites() throws Exception {
        if (lab == null) {
            start();
        }
        return lab.sites().stream().filter(s -> s.url().startsWith("https:"))
                .filter(s -> s.expectedError() == null || s.expectedError().isBlank()
                        || s.expectedError().startsWith("ERR_CERT_"));
    }

    /** What the server sent: its chain and, if any, the stapled OCSP response. */
    private record Sent(List<byte[]> chain, byte[] stapledOcsp) {
    }

    /** The chain exactly as the site sends it, captured by a trust manager that judges nothing. */
    private static Sent sentBy(LabSite site) throws Exception {
        List<byte[]> chain = new ArrayList<>();
        List<byte[]> staple = new ArrayList<>();
        X509ExtendedTrustManager capture = new X509ExtendedTrustManager() {
            @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket socket)
                    throws java.security.cert.CertificateException {
                for (X509Certificate certificate : c) {
                    chain.add(certificate.getEncoded());
                }
                SSLSession session = ((SSLSocket) socket).getHandshakeSession();
                if (session instanceof ExtendedSSLSession) {
                    staple.addAll(((ExtendedSSLSession) session).getStatusResponses());
                }
            }
            @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        SSLContext context = SSLContext.getInstance("TLS", "SunJSSE");
        context.init(null, new TrustManager[] {capture}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getByName("127.0.0.1"),
                lab.port(site.host()))) {
            socket.setSoTimeout(60_000);
            javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName(site.host())));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
        }
        byte[] stapled = staple.isEmpty() || staple.get(0).length == 0 ? null : staple.get(0);
        return new Sent(chain, stapled);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificateSites")
    void theVerdictIsTheBrowsersUnlessTheJdkIsKnownToBeLooser(LabSite site) throws Exception {
        TrustAnchorProvider labRoot = new TrustAnchorProvider() {
            @Override public String name() { return "lab root"; }
            @Override public List<X509Certificate> anchors() { return List.of(lab.rootCertificate()); }
        };
        Sent sent = sentBy(site);
        CertVerdict verdict = new JdkValidator(() -> List.of(labRoot)).validate(
                new ValidationRequest(sent.chain(), site.host(), Instant.now(), "ECDHE", sent.stapledOcsp()),
                StepTrace.NONE);
        String browser = site.expectedError() == null || site.expectedError().isBlank() ? null : site.expectedError();
        String jdkLooserBecause = JDK_ACCEPTS.get(site.host());
        String expected = jdkLooserBecause != null ? null : browser;
        assertEquals(expected, verdict.error() == null ? null : verdict.error().name(),
                site.host() + " (" + site.purpose() + "): " + verdict.reason());
        assertEquals(expected == null, verdict.accepted());
        if (jdkLooserBecause != null) {
            assertTrue(verdict.info().checks.stream().anyMatch(c -> c.startsWith("JDK policy") && c.contains(jdkLooserBecause)),
                    verdict.info().checks.toString());
        }
    }
}
