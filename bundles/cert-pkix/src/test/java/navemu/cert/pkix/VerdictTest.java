package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;
import static navemu.cert.pkix.TestPki.NOW;
import static navemu.cert.pkix.TestPki.leaf;
import static navemu.cert.pkix.TestPki.request;
import static navemu.cert.pkix.TestPki.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.result.CertificateSummary;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/** Every verdict is explained, malformed input never throws, and several problems give Chromium's error. */
class VerdictTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    @Test
    void anAcceptedChainIsDescribedLikeACertificateViewer() throws Exception {
        CertVerdict verdict = validator(pki.root).validate(request(HOST, pki.leaf, pki.inter), StepTrace.NONE);
        assertTrue(verdict.accepted());
        assertEquals("pkix", verdict.info().validator);
        assertEquals("CN=" + HOST, verdict.info().subject);
        assertEquals("CN=Test Intermediate", verdict.info().issuer);
        assertEquals(List.of(HOST), verdict.info().san);
        assertNotNull(verdict.info().notBefore);
        CertificateSummary leaf = verdict.info().chain.get(0);
        assertEquals(List.of("DNS:" + HOST), leaf.san());
        assertEquals("EC", leaf.keyType());
        assertEquals(256, leaf.keyBits());
        assertEquals("SHA256withECDSA", leaf.signatureAlgorithm());
        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(pki.leaf.der()));
        assertEquals(expected, leaf.sha256());
        assertFalse(leaf.trustAnchor());
        assertTrue(verdict.info().chain.get(2).trustAnchor());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.startsWith("leaf CN=" + HOST + ": signature")),
                verdict.info().checks.toString());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.startsWith("trust anchor CN=Test Root")));
    }

    @Test
    void theTraceTellsThePathAndTheProblems() {
        List<String> lines = new ArrayList<>();
        StepTrace trace = new StepTrace() {
            @Override public void info(String text) { lines.add(text); }
            @Override public void sent(String message, int length, Map<String, String> fields) { }
            @Override public void received(String message, int length, Map<String, String> fields) { }
            @Override public void secret(String label, String hex) { }
            @Override public void roundTrip(String why) { }
            @Override public void detail(String key, Object value) { lines.add(key + "=" + value); }
        };
        validator(pki.root).validate(request("wrong.test.example", pki.leaf, pki.inter), trace);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("built 1 candidate path")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("problem: leaf CN=" + HOST + ": host name")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("rejected with ERR_CERT_COMMON_NAME_INVALID")), lines.toString());
    }

    @Test
    void malformedDerIsACertificateInvalidVerdictNotAnException() {
        byte[] garbage = "not a certificate at all".getBytes();
        CertVerdict verdict = validator(pki.root).validate(
                new ValidationRequest(List.of(garbage), HOST, NOW, "ECDHE", null), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("leaf certificate (certificate 1 of 1 sent) cannot be parsed"), verdict.reason());
        assertTrue(verdict.info().problems.get(0).contains("DER"), verdict.info().problems.toString());
    }

    @Test
    void aTruncatedLeafIsCertificateInvalid() {
        byte[] truncated = Arrays.copyOf(pki.leaf.der(), pki.leaf.der().length / 2);
        CertVerdict verdict = validator(pki.root).validate(new ValidationRequest(List.of(truncated, pki.inter.der()), HOST, NOW, "ECDHE", null), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
        assertFalse(verdict.accepted());
    }

    @Test
    void trailingBytesAfterTheCertificateAreRejected() {
        byte[] padded = Arrays.copyOf(pki.leaf.der(), pki.leaf.der().length + 3);
        CertVerdict verdict = validator(pki.root).validate(
                new ValidationRequest(List.of(padded, pki.inter.der()), HOST, NOW, "ECDHE", null), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("3 bytes"), verdict.reason());
    }

    @Test
    void aMalformedIntermediateIsIgnoredAndSaidSo() {
        CertVerdict verdict = validator(pki.root).validate(new ValidationRequest(
                List.of(pki.leaf.der(), new byte[] {1, 2, 3}, pki.inter.der()), HOST, NOW, "ECDHE", null), StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.startsWith("certificate 2 sent") && c.contains("ignored")));
    }

    @Test
    void anEmptyChainIsCertificateInvalid() {
        CertVerdict verdict = validator(pki.root).validate(
                new ValidationRequest(List.of(), HOST, NOW, "ECDHE", null), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("no certificate"));
    }

    @Test
    void aWrongHostOutranksAnExpiredCertificateAsInChromium() {
        Issued leaf = leaf(HOST, pki.inter).validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1))).issue();
        CertVerdict verdict = validator(pki.root).validate(request("other.test.example", leaf, pki.inter), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, verdict.error());
        assertEquals(2, verdict.info().problems.size(), verdict.info().problems.toString());
    }

    @Test
    void anUnknownAuthorityOutranksAWrongHostAsInChromium() {
        CertVerdict verdict = validator(pki.root).validate(request("other.test.example", pki.leaf), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error());
    }

    @Test
    void aDateProblemHidesTheGenericInvalidStatusAsChromiumsPathBuilderDoes() {
        Issued leaf = leaf(HOST, pki.inter).eku(KeyPurposeId.id_kp_clientAuth)
                .validity(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1))).issue();
        CertVerdict verdict = validator(pki.root).validate(request(HOST, leaf, pki.inter), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_DATE_INVALID, verdict.error());
        assertTrue(verdict.info().problems.stream().anyMatch(p -> p.contains("serverAuth")), verdict.info().problems.toString());
    }

    @Test
    void noTrustAnchorsAtAllIsAuthorityInvalid() {
        CertVerdict verdict = validator().validate(request(HOST, pki.leaf, pki.inter), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error());
    }
}
