package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;
import static navemu.cert.pkix.TestPki.NOW;
import static navemu.cert.pkix.TestPki.intermediate;
import static navemu.cert.pkix.TestPki.leaf;
import static navemu.cert.pkix.TestPki.request;
import static navemu.cert.pkix.TestPki.root;
import static navemu.cert.pkix.TestPki.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/** What browsers reject beyond RFC 5280: weak hashes, small keys, long lifetimes. */
class BrowserPolicyTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    @Test
    void aSha1SignedIntermediateIsAWeakSignature() {
        Issued rsaRoot = root("RSA Root").key("rsa2048-root").issue();
        Issued inter = intermediate("SHA1 Intermediate", rsaRoot).signatureAlgorithm("SHA1withRSA").issue();
        Issued leaf = leaf(HOST, inter).issue();
        CertVerdict verdict = validator(rsaRoot).validate(request(HOST, leaf, inter), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_WEAK_SIGNATURE_ALGORITHM, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains("intermediate #1 CN=SHA1 Intermediate"), verdict.reason());
        assertTrue(verdict.reason().contains("SHA-1"), verdict.reason());
    }

    @Test
    void aSha1SelfSignatureOnTheTrustAnchorItselfIsAccepted() {
        Issued sha1Root = root("SHA1 Root").key("rsa2048-sha1root").signatureAlgorithm("SHA1withRSA").issue();
        Issued inter = intermediate("Test Intermediate", sha1Root).issue();
        Issued leaf = leaf(HOST, inter).issue();
        CertVerdict verdict = validator(sha1Root).validate(request(HOST, leaf, inter), StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
    }

    @Test
    void anRsa1024LeafIsAWeakKey() {
        Issued leaf = leaf(HOST, pki.inter).key("rsa1024-leaf").issue();
        CertVerdict verdict = validator(pki.root).validate(request(HOST, leaf, pki.inter), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_WEAK_KEY, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains("RSA 1024 bits"), verdict.reason());
    }

    @Test
    void anRsa2048LeafIsAccepted() {
        Issued leaf = leaf(HOST, pki.inter).key("rsa2048-leaf").issue();
        assertTrue(validator(pki.root).validate(request(HOST, leaf, pki.inter), StepTrace.NONE).accepted());
    }

    @Test
    void aLeafValidFor399DaysIsTooLong() {
        Instant start = NOW.minus(Duration.ofDays(10));
        Issued leaf = leaf(HOST, pki.inter).validity(start, start.plus(Duration.ofDays(399))).issue();
        CertVerdict verdict = validator(pki.root).validate(request(HOST, leaf, pki.inter), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_VALIDITY_TOO_LONG, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains("399 days"), verdict.reason());
    }

    @Test
    void aLeafValidFor398DaysIsAccepted() {
        Instant start = NOW.minus(Duration.ofDays(10));
        Issued leaf = leaf(HOST, pki.inter).validity(start, start.plus(Duration.ofDays(398))).issue();
        assertTrue(validator(pki.root).validate(request(HOST, leaf, pki.inter), StepTrace.NONE).accepted());
    }

    @Test
    void theLimitDoesNotApplyToLeavesIssuedBeforeSeptember2020() {
        Instant start = Instant.parse("2020-08-01T00:00:00Z");
        Issued root = root("Old Root").validity(start.minus(Duration.ofDays(10)), start.plus(Duration.ofDays(3650))).issue();
        Issued inter = intermediate("Old Intermediate", root)
                .validity(start.minus(Duration.ofDays(5)), start.plus(Duration.ofDays(3000))).issue();
        Issued leaf = leaf(HOST, inter).validity(start, start.plus(Duration.ofDays(825))).issue();
        ValidationRequest then = new ValidationRequest(List.of(leaf.der(), inter.der()), HOST,
                Instant.parse("2021-01-01T00:00:00Z"), "ECDHE", null);
        CertVerdict verdict = validator(root).validate(then, StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
    }
}
