package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's catalog: each site, reached by the JDK's TLS client, serves a real certificate with
 * exactly the defect it is named for; the JDK's strict PKIX client accepts the good ones.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CertificateCatalogTest {

    private static LabWorld lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.shared();
        lab.awaitCertificates(Duration.ofSeconds(100));
    }

    /** The chain {@code host} sends, as seen by a client that accepts anything. */
    private static List<X509Certificate> chainOf(String host) throws Exception {
        LabFixture.ChainRecorder recorder = new LabFixture.ChainRecorder();
        try (SSLSocket socket = LabFixture.handshake(recorder.context(), host, lab.port(host))) {
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), host, "/", true).status(),
                    "every catalog site answers its page once a client accepts its certificate");
        }
        return new ArrayList<>(recorder.chain);
    }

    static Stream<Arguments> catalog() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertTrue(chain.get(0).getNotAfter().toInstant().isBefore(now))),
                Arguments.of("not-yet-valid.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertTrue(chain.get(0).getNotBefore().toInstant().isAfter(now))),
                Arguments.of("wrong-host.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals(List.of("www.lab.test"), dnsNames(chain.get(0)))),
                Arguments.of("self-signed.lab.test", (Consumer<List<X509Certificate>>) chain -> {
                    assertEquals(1, chain.size());
                    assertEquals(chain.get(0).getSubjectX500Principal(), chain.get(0).getIssuerX500Principal());
                    verify(chain.get(0), chain.get(0));
                }),
                Arguments.of("untrusted-root.lab.test", (Consumer<List<X509Certificate>>) chain -> {
                    assertEquals(2, chain.size());
                    verify(chain.get(0), chain.get(1));
                    verify(chain.get(1), chain.get(1));
                    assertNotEquals(lab.rootCertificate(), chain.get(1));
                }),
                Arguments.of("incomplete-chain.lab.test", (Consumer<List<X509Certificate>>) chain -> {
                    assertEquals(1, chain.size());
                    assertNotEquals(chain.get(0).getSubjectX500Principal(), chain.get(0).getIssuerX500Principal());
                    assertNull(chain.get(0).getExtensionValue("1.3.6.1.5.5.7.1.1"), "no AIA to fetch the intermediate from");
                }),
                Arguments.of("no-san.lab.test", (Consumer<List<X509Certificate>>) chain -> {
                    assertTrue(dnsNames(chain.get(0)).isEmpty());
                    assertTrue(chain.get(0).getSubjectX500Principal().getName().contains("CN=no-san.lab.test"));
                }),
                Arguments.of("a.wildcard.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals(List.of("*.wildcard.lab.test"), dnsNames(chain.get(0)))),
                Arguments.of("wildcard.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals(List.of("*.wildcard.lab.test"), dnsNames(chain.get(0)))),
                Arguments.of("sha1-intermediate.lab.test", (Consumer<List<X509Certificate>>) chain -> {
                    assertEquals("SHA1withECDSA", chain.get(1).getSigAlgName());
                    verify(chain.get(1), lab.rootCertificate());
                }),
                Arguments.of("rsa1024.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals(1024, ((RSAPublicKey) chain.get(0).getPublicKey()).getModulus().bitLength())),
                Arguments.of("long-validity.lab.test", (Consumer<List<X509Certificate>>) chain -> {
                    X509Certificate leaf = chain.get(0);
                    assertTrue(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()).toDays() > 398);
                    assertTrue(leaf.getNotBefore().toInstant().isAfter(Instant.parse("2020-09-01T00:00:00Z")));
                }),
                Arguments.of("name-constraints.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals("constrained.example", permittedDnsName(chain.get(1)))),
                Arguments.of("no-serverauth-eku.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), extendedKeyUsage(chain.get(0)))),
                Arguments.of("ecc256.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals(256, ((ECPublicKey) chain.get(0).getPublicKey()).getParams().getCurve().getField().getFieldSize())),
                Arguments.of("rsa4096.lab.test", (Consumer<List<X509Certificate>>) chain ->
                        assertEquals(4096, ((RSAPublicKey) chain.get(0).getPublicKey()).getModulus().bitLength())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void eachCatalogSiteServesACertificateWithItsDefect(String host, Consumer<List<X509Certificate>> check) throws Exception {
        check.accept(chainOf(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.lab.test", "ecc256.lab.test", "rsa4096.lab.test", "a.wildcard.lab.test"})
    void theGoodSitesPassTheJdksStrictValidationAndHostnameCheck(String host) throws Exception {
        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), host, lab.port(host))) {
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), host, "/", true).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired.lab.test", "not-yet-valid.lab.test", "wrong-host.lab.test", "self-signed.lab.test",
            "untrusted-root.lab.test", "incomplete-chain.lab.test", "wildcard.lab.test",
            "name-constraints.lab.test", "no-serverauth-eku.lab.test"})
    void theJdksStrictClientAlsoRejectsTheClassicDefects(String host) {
        assertThrows(SSLHandshakeException.class,
                () -> LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), host, lab.port(host)).close());
    }

    /** A difference worth showing in `compare`: the JDK still falls back to the Common Name, browsers do not. */
    @Test
    void theJdkStillAcceptsTheCommonNameOnlyCertificate() throws Exception {
        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), "no-san.lab.test",
                lab.port("no-san.lab.test"))) {
            assertEquals("no-san.lab.test", socket.getSession().getPeerPrincipal().getName().replaceAll(".*CN=([^,]+).*", "$1"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void revokedStaplesASignedFreshOcspResponseSayingRevoked(String version) throws Exception {
        LabFixture.ChainRecorder recorder = new LabFixture.ChainRecorder();
        try (SSLSocket socket = LabFixture.handshake(recorder.context(), "revoked.lab.test", lab.port("revoked.lab.test"), version)) {
            assertEquals(version, socket.getSession().getProtocol());
            List<byte[]> staples = ((ExtendedSSLSession) socket.getSession()).getStatusResponses();
            assertEquals(1, staples.size(), "one stapled OCSP response, for the leaf");
            OCSPResp response = new OCSPResp(staples.get(0));
            assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            X509Certificate issuer = recorder.chain.get(1);
            assertTrue(basic.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(issuer)));
            SingleResp single = basic.getResponses()[0];
            assertEquals(recorder.chain.get(0).getSerialNumber(), single.getCertID().getSerialNumber());
            assertInstanceOf(RevokedStatus.class, single.getCertStatus());
            assertTrue(single.getNextUpdate().toInstant().isAfter(Instant.now()), "fresh");
        }
    }

    @Test
    void theJdkWithRevocationCheckingRejectsTheRevokedSiteFromTheStapleAlone() throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("lab-root", lab.rootCertificate());
        java.security.cert.PKIXBuilderParameters parameters = new java.security.cert.PKIXBuilderParameters(store, null);
        java.security.cert.PKIXRevocationChecker checker = (java.security.cert.PKIXRevocationChecker)
                java.security.cert.CertPathValidator.getInstance("PKIX").getRevocationChecker();
        // Only the stapled response counts (the lab's leaves name no responder to ask).
        checker.setOptions(java.util.EnumSet.of(java.security.cert.PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                java.security.cert.PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.addCertPathChecker(checker);
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        factory.init(new javax.net.ssl.CertPathTrustManagerParameters(parameters));
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> LabFixture.handshake(context, "revoked.lab.test", lab.port("revoked.lab.test")).close());
        assertTrue(String.valueOf(e.getCause()).toLowerCase().contains("revoked")
                || e.getMessage().toLowerCase().contains("revoked"), e.toString());
    }

    @Test
    void aSiteWithoutStaplingSendsNoOcspResponse() throws Exception {
        LabFixture.ChainRecorder recorder = new LabFixture.ChainRecorder();
        try (SSLSocket socket = LabFixture.handshake(recorder.context(), "tls12.lab.test", lab.port("tls12.lab.test"))) {
            assertTrue(((ExtendedSSLSession) socket.getSession()).getStatusResponses().isEmpty());
        }
    }

    @Test
    void everyCatalogSiteNamesTheChromiumErrorItExpects() {
        for (Arguments arguments : catalog().toList()) {
            String host = (String) arguments.get()[0];
            String expected = lab.sites().stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow().expectedError();
            boolean good = List.of("a.wildcard.lab.test", "ecc256.lab.test", "rsa4096.lab.test").contains(host);
            assertEquals(good, expected == null, host + " expects " + expected);
        }
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            return sans == null ? List.of() : sans.stream().filter(san -> (Integer) san.get(0) == 2).map(san -> (String) san.get(1)).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            return certificate.getExtendedKeyUsage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String permittedDnsName(X509Certificate ca) {
        byte[] value = ca.getExtensionValue("2.5.29.30");
        assertFalse(value == null, "has nameConstraints");
        NameConstraints constraints = NameConstraints.getInstance(ASN1OctetString.getInstance(value).getOctets());
        GeneralName name = constraints.getPermittedSubtrees()[0].getBase();
        assertEquals(GeneralName.dNSName, name.getTagNo());
        return name.getName().toString();
    }

    private static void verify(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
        } catch (Exception e) {
            throw new AssertionError(certificate.getSubjectX500Principal() + " is not signed by " + issuer.getSubjectX500Principal(), e);
        }
    }
}
