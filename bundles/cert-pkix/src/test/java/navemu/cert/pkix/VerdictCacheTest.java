package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;
import static navemu.cert.pkix.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;
import navemu.cert.pkix.path.TrustAnchors;

/**
 * The cert slot's verdict cache ({@link VerdictCache}): an accepted verdict is reused only for the
 * same certificates, host, key exchange and trust anchors, inside every certificate's validity and
 * within 30 minutes; anything else runs every check again.
 */
class VerdictCacheTest {
    private static final String REUSED = "reused from the verification cache";

    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();
    private final AtomicReference<TrustAnchors> anchors = new AtomicReference<>(TestPki.anchors(pki.root));
    private final PkixValidator validator = new PkixValidator(anchors::get, true);

    private CertVerdict validate(String host, Instant at, Issued... chain) {
        List<byte[]> ders = java.util.Arrays.stream(chain).map(Issued::der).toList();
        return validator.validate(new ValidationRequest(ders, host, at, "ECDHE", null), StepTrace.NONE);
    }

    private static boolean reused(CertVerdict verdict) {
        return verdict.info().checks.stream().anyMatch(line -> line.contains(REUSED));
    }

    @Test
    void theSameChainForTheSameHostIsReusedAndSaysSoWithTheNewTime() {
        CertVerdict first = validate(HOST, NOW, pki.leaf, pki.inter);
        Instant later = NOW.plus(Duration.ofMinutes(5));
        CertVerdict second = validate(HOST, later, pki.leaf, pki.inter);

        assertTrue(first.accepted());
        assertFalse(reused(first));
        assertTrue(second.accepted());
        assertTrue(reused(second), second.info().checks.toString());
        assertTrue(second.reason().contains(later.toString()), second.reason());
        assertEquals(first.info().chain, second.info().chain);
        assertTrue(second.info().valid);
    }

    @Test
    void anotherHostIsValidatedAgain() {
        validate(HOST, NOW, pki.leaf, pki.inter);
        CertVerdict other = validate("other.test.example", NOW, pki.leaf, pki.inter);

        assertFalse(other.accepted());
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, other.error());
        assertFalse(reused(other));
    }

    @Test
    void anotherCertificateWithTheSameNamesNeverGetsTheKeptVerdict() {
        validate(HOST, NOW, pki.leaf, pki.inter);
        // Same subject, issuer name and host as the good leaf, but another key and signed by a root nobody trusts.
        Issued fakeRoot = TestPki.root("Test Root").key("fake-root").issue();
        Issued fakeInter = TestPki.intermediate("Test Intermediate", fakeRoot).key("fake-inter").issue();
        Issued fakeLeaf = TestPki.leaf(HOST, fakeInter).key("fake-leaf").issue();

        CertVerdict forged = validate(HOST, NOW, fakeLeaf, fakeInter);
        CertVerdict goodLeafForgedIntermediate = validate(HOST, NOW, pki.leaf, fakeInter);

        assertFalse(forged.accepted());
        assertFalse(reused(forged));
        assertFalse(goodLeafForgedIntermediate.accepted(), "another intermediate sent is another question");
        assertFalse(reused(goodLeafForgedIntermediate));
    }

    @Test
    void aTimePastTheLeafsNotAfterIsValidatedAgainAndExpires() {
        Issued shortLived = TestPki.leaf(HOST, pki.inter).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofMinutes(10)))
                .issue();
        assertTrue(validate(HOST, NOW, shortLived, pki.inter).accepted());

        CertVerdict expired = validate(HOST, NOW.plus(Duration.ofMinutes(11)), shortLived, pki.inter);

        assertFalse(expired.accepted());
        assertEquals(NetError.ERR_CERT_DATE_INVALID, expired.error());
        assertFalse(reused(expired));
    }

    @Test
    void moreThanThirtyMinutesLaterEveryCheckRunsAgain() {
        validate(HOST, NOW, pki.leaf, pki.inter);

        CertVerdict later = validate(HOST, NOW.plus(VerdictCache.LIFETIME).plusSeconds(1), pki.leaf, pki.inter);

        assertTrue(later.accepted());
        assertFalse(reused(later));
        assertTrue(later.info().checks.stream().anyMatch(line -> line.startsWith("work: ")));
    }

    @Test
    void changedTrustAnchorsAreValidatedAgain() {
        validate(HOST, NOW, pki.leaf, pki.inter);
        anchors.set(new TrustAnchors(List.of(), List.of()));

        CertVerdict untrusted = validate(HOST, NOW, pki.leaf, pki.inter);

        assertFalse(untrusted.accepted());
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, untrusted.error());
    }

    @Test
    void refusalsAreNotKept() {
        Issued expiredLeaf = TestPki.leaf(HOST, pki.inter).validity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)))
                .issue();
        CertVerdict first = validate(HOST, NOW, expiredLeaf, pki.inter);
        CertVerdict second = validate(HOST, NOW, expiredLeaf, pki.inter);

        assertFalse(first.accepted());
        assertFalse(second.accepted());
        assertFalse(reused(second));
    }

    @Test
    void aStapledResponseAlwaysRunsEveryCheck() throws Exception {
        byte[] staple = {0x30, 0x03, 0x0a, 0x01, 0x06}; // an OCSPResponse "unauthorized": no answer about the leaf
        ValidationRequest request = new ValidationRequest(List.of(pki.leaf.der(), pki.inter.der()), HOST, NOW, "ECDHE", staple);
        validator.validate(request, StepTrace.NONE);

        CertVerdict again = validator.validate(request, StepTrace.NONE);

        assertFalse(reused(again));
    }

    @Test
    void whatACallerChangesInAVerdictDoesNotReachTheNextOne() {
        CertVerdict first = validate(HOST, NOW, pki.leaf, pki.inter);
        first.info().checks.add("changed by a caller");
        first.info().problems.add("changed by a caller");

        CertVerdict second = validate(HOST, NOW, pki.leaf, pki.inter);

        assertTrue(reused(second));
        assertFalse(second.info().checks.contains("changed by a caller"));
        assertTrue(second.info().problems.isEmpty());
    }

    @Test
    void theCertificateSummariesAKeptVerdictSharesAreReadOnly() {
        CertVerdict first = validate(HOST, NOW, pki.leaf, pki.inter);
        List<String> san = first.info().chain.get(0).san();

        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> san.add("DNS:evil.example"));
        assertEquals(List.of("DNS:" + HOST), validate(HOST, NOW, pki.leaf, pki.inter).info().chain.get(0).san());
    }

    @Test
    void withoutTheCacheEveryValidationRunsEveryCheck() {
        PkixValidator uncached = TestPki.validator(pki.root);
        uncached.validate(TestPki.request(HOST, pki.leaf, pki.inter), StepTrace.NONE);

        CertVerdict second = uncached.validate(TestPki.request(HOST, pki.leaf, pki.inter), StepTrace.NONE);

        assertTrue(second.accepted());
        assertFalse(reused(second));
    }
}
