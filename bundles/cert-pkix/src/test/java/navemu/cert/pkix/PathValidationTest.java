package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;
import static navemu.cert.pkix.TestPki.NOW;
import static navemu.cert.pkix.TestPki.intermediate;
import static navemu.cert.pkix.TestPki.leaf;
import static navemu.cert.pkix.TestPki.request;
import static navemu.cert.pkix.TestPki.root;
import static navemu.cert.pkix.TestPki.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/** RFC 5280 path building (RFC 4158) and path validation (§6.1), one rule per test. */
class PathValidationTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    private CertVerdict validate(ValidationRequest request, Issued... roots) {
        return validator(roots).validate(request, StepTrace.NONE);
    }

    private static void assertRejected(CertVerdict verdict, NetError error, String reasonPart) {
        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(error, verdict.error(), verdict.reason());
        assertEquals(error.name(), verdict.info().error);
        assertTrue(verdict.reason().contains(reasonPart), "reason should mention '" + reasonPart + "': " + verdict.reason());
        assertFalse(verdict.info().problems.isEmpty());
    }

    @Test
    void aGoodChainToATrustAnchorIsAccepted() {
        CertVerdict verdict = validate(request(HOST, pki.leaf, pki.inter), pki.root);
        assertTrue(verdict.accepted(), verdict.reason());
        assertNull(verdict.error());
        assertTrue(verdict.info().valid);
        assertTrue(verdict.info().problems.isEmpty(), verdict.info().problems.toString());
        assertEquals(3, verdict.info().chain.size());
    }

    @Test
    void anExpiredLeafIsDateInvalid() {
        Issued leaf = leaf(HOST, pki.inter).validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1))).issue();
        assertRejected(validate(request(HOST, leaf, pki.inter), pki.root), NetError.ERR_CERT_DATE_INVALID, "expired");
    }

    @Test
    void aLeafNotYetValidIsDateInvalid() {
        Issued leaf = leaf(HOST, pki.inter).validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))).issue();
        assertRejected(validate(request(HOST, leaf, pki.inter), pki.root), NetError.ERR_CERT_DATE_INVALID, "not yet valid");
    }

    @Test
    void anExpiredIntermediateIsDateInvalid() {
        Issued inter = intermediate("Test Intermediate", pki.root)
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(2))).issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertRejected(validate(request(HOST, leaf, inter), pki.root), NetError.ERR_CERT_DATE_INVALID, "intermediate #1");
    }

    @Test
    void aSelfSignedLeafIsAuthorityInvalid() {
        Issued self = leaf(HOST, null).key("self").issue();
        assertRejected(validate(request(HOST, self), pki.root), NetError.ERR_CERT_AUTHORITY_INVALID, "self-signed");
    }

    @Test
    void aChainToAnUnknownRootIsAuthorityInvalid() {
        Issued otherRoot = root("Other Root").issue();
        Issued otherInter = intermediate("Other Intermediate", otherRoot).issue();
        Issued leaf = leaf(HOST, otherInter).issue();
        assertRejected(validate(request(HOST, leaf, otherInter, otherRoot), pki.root),
                NetError.ERR_CERT_AUTHORITY_INVALID, "not one of the 1 trust anchors");
    }

    @Test
    void aMissingIntermediateIsAuthorityInvalid() {
        assertRejected(validate(request(HOST, pki.leaf), pki.root), NetError.ERR_CERT_AUTHORITY_INVALID,
                "missing intermediate");
    }

    @Test
    void intermediatesInAnyOrderWithDuplicatesAndExtrasStillBuildThePath() {
        Issued unrelated = root("Unrelated Root").issue();
        Issued extra = intermediate("Extra Intermediate", unrelated).issue();
        CertVerdict verdict = validate(request(HOST, pki.leaf, extra, pki.root, pki.inter, extra, pki.inter), pki.root);
        assertTrue(verdict.accepted(), verdict.reason());
        assertEquals(List.of("CN=" + HOST, "CN=Test Intermediate", "CN=Test Root"),
                verdict.info().chain.stream().map(c -> c.subject()).toList());
        assertTrue(verdict.info().chain.get(2).trustAnchor());
    }

    @Test
    void aCrossSignedIntermediateGivesAnAlternativePathWhenTheFirstFails() {
        // The same intermediate (name and key) is signed by an old root the client does not
        // trust and by the trusted root; the server sends the untrusted version first.
        Issued oldRoot = root("Old Root").issue();
        Issued crossByOld = intermediate("Test Intermediate", oldRoot).issue();
        Issued crossByRoot = intermediate("Cross Intermediate", pki.root).key("Cross Intermediate").issue();
        Issued viaOld = intermediate("Cross Intermediate", oldRoot).key("Cross Intermediate").issue();
        Issued leaf = leaf(HOST, crossByRoot).issue();
        CertVerdict verdict = validate(request(HOST, leaf, viaOld, oldRoot, crossByOld, crossByRoot), pki.root);
        assertTrue(verdict.accepted(), verdict.reason());
        assertEquals("CN=Test Root", verdict.info().chain.get(2).subject());
    }

    @Test
    void anExpiredCrossSignedPathIsSkippedForAValidOne() {
        Issued expiredCross = intermediate("Test Intermediate", pki.root).key("Test Intermediate")
                .validity(NOW.minus(Duration.ofDays(900)), NOW.minus(Duration.ofDays(5))).issue();
        CertVerdict verdict = validate(request(HOST, pki.leaf, expiredCross, pki.inter), pki.root);
        assertTrue(verdict.accepted(), verdict.reason());
    }

    @Test
    void aPathLongerThanPathLenConstraintIsInvalid() {
        Issued inter = intermediate("Test Intermediate", pki.root).pathLen(0).issue();
        Issued sub = intermediate("Sub Intermediate", inter).issue();
        Issued leaf = leaf(HOST, sub).issue();
        assertRejected(validate(request(HOST, leaf, sub, inter), pki.root), NetError.ERR_CERT_INVALID, "pathLenConstraint");
    }

    @Test
    void aCaWithoutKeyCertSignIsInvalid() {
        Issued inter = intermediate("Test Intermediate", pki.root).keyUsage(KeyUsage.digitalSignature).issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertRejected(validate(request(HOST, leaf, inter), pki.root), NetError.ERR_CERT_INVALID, "keyCertSign");
    }

    @Test
    void aLeafUsedAsAnIssuerIsInvalid() {
        Issued notCa = leaf("issuer.test.example", pki.inter).key("Not A CA").issue();
        Issued leaf = leaf(HOST, notCa).issue();
        assertRejected(validate(request(HOST, leaf, notCa, pki.inter), pki.root), NetError.ERR_CERT_INVALID, "not a CA");
    }

    @Test
    void aLeafWithoutServerAuthIsInvalid() {
        Issued leaf = leaf(HOST, pki.inter).eku(KeyPurposeId.id_kp_clientAuth).issue();
        assertRejected(validate(request(HOST, leaf, pki.inter), pki.root), NetError.ERR_CERT_INVALID, "serverAuth");
    }

    @Test
    void anIntermediateRestrictedToOtherPurposesIsInvalid() {
        Issued inter = intermediate("Test Intermediate", pki.root).eku(KeyPurposeId.id_kp_emailProtection).issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertRejected(validate(request(HOST, leaf, inter), pki.root), NetError.ERR_CERT_INVALID, "serverAuth");
    }

    @Test
    void anEcdheLeafMustAllowDigitalSignature() {
        Issued leaf = leaf(HOST, pki.inter).keyUsage(KeyUsage.keyEncipherment).issue();
        assertRejected(validate(request(HOST, leaf, pki.inter), pki.root), NetError.ERR_CERT_INVALID, "digitalSignature");
    }

    @Test
    void anRsaKeyExchangeLeafMustAllowKeyEncipherment() {
        Issued leaf = leaf(HOST, pki.inter).keyUsage(KeyUsage.digitalSignature).issue();
        ValidationRequest rsa = new ValidationRequest(List.of(leaf.der(), pki.inter.der()), HOST, NOW, "RSA", null);
        assertRejected(validate(rsa, pki.root), NetError.ERR_CERT_INVALID, "keyEncipherment");
        ValidationRequest ecdhe = new ValidationRequest(List.of(leaf.der(), pki.inter.der()), HOST, NOW, "ECDHE", null);
        assertTrue(validate(ecdhe, pki.root).accepted());
    }

    @Test
    void anUnknownCriticalExtensionIsInvalid() {
        Issued leaf = leaf(HOST, pki.inter).criticalExtension("1.3.6.1.4.1.99999.1").issue();
        assertRejected(validate(request(HOST, leaf, pki.inter), pki.root), NetError.ERR_CERT_INVALID,
                "unknown critical extension 1.3.6.1.4.1.99999.1");
    }

    @Test
    void aSignatureByAnotherKeyIsAuthorityInvalid() {
        // Same issuer name, different key: the signature cannot verify with the real intermediate's key.
        Issued impostor = intermediate("Test Intermediate", pki.root).key("impostor").issue();
        Issued leaf = leaf(HOST, impostor).issue();
        assertRejected(validate(request(HOST, leaf, pki.inter), pki.root), NetError.ERR_CERT_AUTHORITY_INVALID,
                "does not verify");
    }

    @Test
    void permittedNameConstraintsAdmitNamesBelowThem() {
        Issued inter = intermediate("Test Intermediate", pki.root).permitDns("test.example").issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertTrue(validate(request(HOST, leaf, inter), pki.root).accepted());
    }

    /** Chromium reports a violated nameConstraints extension as ERR_CERT_INVALID (see NameConstraintRules). */
    @Test
    void aNameOutsideThePermittedSubtreesViolatesNameConstraints() {
        Issued inter = intermediate("Test Intermediate", pki.root).permitDns("other.example").issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertRejected(validate(request(HOST, leaf, inter), pki.root), NetError.ERR_CERT_INVALID,
                "outside the permitted subtrees");
    }

    @Test
    void aNameInAnExcludedSubtreeViolatesNameConstraints() {
        Issued inter = intermediate("Test Intermediate", pki.root).excludeDns("www.test.example").issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertRejected(validate(request(HOST, leaf, inter), pki.root), NetError.ERR_CERT_INVALID,
                "excluded subtree");
    }

    @Test
    void aWildcardThatCoversAnExcludedNameViolatesNameConstraints() {
        Issued inter = intermediate("Test Intermediate", pki.root).excludeDns("secret.test.example").issue();
        Issued leaf = leaf("*.test.example", inter).issue();
        assertRejected(validate(request("a.test.example", leaf, inter), pki.root),
                NetError.ERR_CERT_INVALID, "excluded subtree");
    }

    @Test
    void anIpAddressOutsideThePermittedRangeViolatesNameConstraints() {
        Issued inter = intermediate("Test Intermediate", pki.root).permitIp("10.0.0.0/8").issue();
        Issued inside = leaf("10.1.2.3", inter).noSan().ip("10.1.2.3").issue();
        Issued outside = leaf("192.0.2.1", inter).noSan().ip("192.0.2.1").issue();
        assertTrue(validate(request("10.1.2.3", inside, inter), pki.root).accepted());
        assertRejected(validate(request("192.0.2.1", outside, inter), pki.root),
                NetError.ERR_CERT_INVALID, "IP:192.0.2.1");
    }

    @Test
    void aLeafThatIsItselfATrustAnchorIsAccepted() {
        Issued self = leaf(HOST, null).key("trusted-self").issue();
        assertTrue(validate(request(HOST, self), self).accepted());
    }

    @Test
    void aPathIsBoundedInLength() {
        // A chain of 10 intermediates under the root: longer than the builder follows.
        Issued issuer = pki.root;
        Issued[] chain = new Issued[11];
        for (int i = 10; i >= 1; i--) {
            issuer = intermediate("Deep " + i, issuer).issue();
            chain[i] = issuer;
        }
        chain[0] = leaf(HOST, issuer).issue();
        CertVerdict verdict = validate(request(HOST, chain), pki.root);
        assertRejected(verdict, NetError.ERR_CERT_AUTHORITY_INVALID, "abandoned");
    }
}
