package navemu.cert.insecure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.PkixValidator;
import navemu.cert.pkix.path.TrustAnchors;
import navemu.cert.pkix.x509.ParsedCertificate;

/** insecure accepts everything, and keeps every finding of the real pkix validator. */
class InsecureValidatorTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String HOST = "www.test.example";

    private static KeyPair rootKey;
    private static KeyPair leafKey;
    private static byte[] root;
    private static byte[] goodLeaf;
    private static byte[] expiredLeaf;

    private static CertificateValidator pkix;

    @BeforeAll
    static void makeCertificates() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        rootKey = generator.generateKeyPair();
        leafKey = generator.generateKeyPair();
        root = certificate("Test Root", "Test Root", rootKey, rootKey, true, NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(900)));
        goodLeaf = certificate(HOST, "Test Root", leafKey, rootKey, false, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80)));
        expiredLeaf = certificate(HOST, "Test Root", leafKey, rootKey, false, NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1)));
        TrustAnchors anchors = TrustAnchors.of(List.of(ParsedCertificate.parse(root)), "test root");
        pkix = new PkixValidator(() -> anchors);
    }

    private static byte[] certificate(String cn, String issuer, KeyPair keys, KeyPair signer, boolean ca,
                                      Instant notBefore, Instant notAfter) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + cn),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, cn)));
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())).getEncoded();
    }

    private static ValidationRequest request(String host, byte[]... chain) {
        return new ValidationRequest(List.of(chain), host, NOW, "ECDHE", null);
    }

    @Test
    void aChainPkixRejectsIsAcceptedWithWhatWasLetThrough() {
        CertVerdict verdict = new InsecureValidator(() -> pkix).validate(request("other.test.example", expiredLeaf), StepTrace.NONE);
        assertTrue(verdict.accepted());
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, verdict.error(), "the strict error is kept");
        assertTrue(verdict.info().valid);
        assertTrue(verdict.info().lenient);
        assertEquals("insecure", verdict.info().validator);
        assertEquals("ERR_CERT_COMMON_NAME_INVALID", verdict.info().error);
        assertEquals(2, verdict.info().problems.size(), verdict.info().problems.toString());
        assertTrue(verdict.info().problems.stream().anyMatch(p -> p.contains("expired")));
        assertTrue(verdict.reason().startsWith("Accepted anyway (insecure): a strict client would have rejected"), verdict.reason());
        assertTrue(verdict.reason().contains("leaf CN=" + HOST), verdict.reason());
        assertTrue(verdict.reason().contains("1 more problem let through"), verdict.reason());
        assertFalse(verdict.info().checks.isEmpty());
        assertEquals(2, verdict.info().chain.size());
    }

    @Test
    void aChainPkixAcceptsIsAcceptedWithoutLeniency() {
        CertVerdict verdict = new InsecureValidator(() -> pkix).validate(request(HOST, goodLeaf), StepTrace.NONE);
        assertTrue(verdict.accepted());
        assertNull(verdict.error());
        assertFalse(verdict.info().lenient);
        assertTrue(verdict.info().problems.isEmpty());
        assertTrue(verdict.reason().contains("found nothing to let through"), verdict.reason());
    }

    @Test
    void malformedDerIsAcceptedAndNamedInvalid() {
        CertVerdict verdict = new InsecureValidator(() -> pkix).validate(request(HOST, new byte[] {0x30, 0x01}), StepTrace.NONE);
        assertTrue(verdict.accepted());
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("cannot be parsed"), verdict.reason());
    }

    @Test
    void withoutPkixEverythingIsAcceptedAndTheVerdictSaysNoCheckRan() {
        CertVerdict verdict = new InsecureValidator(() -> null).validate(request(HOST, expiredLeaf), StepTrace.NONE);
        assertTrue(verdict.accepted());
        assertNull(verdict.error());
        assertTrue(verdict.info().lenient);
        assertTrue(verdict.reason().contains("pkix validator, which runs the checks for insecure, is not running"), verdict.reason());
        assertTrue(verdict.reason().contains("no checks could run"), verdict.reason());
        assertEquals(List.of("no checks ran: the pkix validator, which runs the checks for insecure, is not running"),
                verdict.info().checks);
        assertEquals("CN=" + HOST, verdict.info().subject, "the leaf is still named");
        assertEquals(List.of(HOST), verdict.info().san);
    }

    @Test
    void withoutPkixAnUnreadableLeafIsSaidSo() {
        CertVerdict verdict = new InsecureValidator(() -> null).validate(request(HOST, new byte[] {1, 2, 3}), StepTrace.NONE);
        assertTrue(verdict.accepted());
        assertTrue(verdict.info().checks.get(1).startsWith("leaf: the leaf cannot be read either"), verdict.info().checks.toString());
    }

    @Test
    void aPkixThatFailsStillLeavesAClearAcceptance() {
        CertificateValidator broken = (request, trace) -> {
            throw new IllegalStateException("bundle stopping");
        };
        CertVerdict verdict = new InsecureValidator(() -> broken).validate(request(HOST, goodLeaf), StepTrace.NONE);
        assertTrue(verdict.accepted());
        assertTrue(verdict.reason().contains("the pkix validator failed"), verdict.reason());
        assertTrue(verdict.reason().contains("bundle stopping"), verdict.reason());
    }
}
