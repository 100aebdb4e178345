package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;
import static navemu.cert.pkix.TestPki.intermediate;
import static navemu.cert.pkix.TestPki.leaf;
import static navemu.cert.pkix.TestPki.request;
import static navemu.cert.pkix.TestPki.root;
import static navemu.cert.pkix.TestPki.validator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/**
 * RFC 5280 §4.2.1.10 beyond DNS and IP: the forms pkix evaluates (directoryName, rfc822Name), the
 * forms it does not (rejected under a critical extension when a name of that form appears below),
 * malformed names, constraints a CA must not issue, and constraints carried by the trust anchor.
 */
class NameConstraintsTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    private CertVerdict underIntermediate(TestPki.Spec inter, TestPki.Spec leafSpec) {
        Issued constrained = inter.issue();
        Issued leaf = leafSpec.issuer(constrained).issue();
        return validator(pki.root).validate(request(HOST, leaf, constrained), StepTrace.NONE);
    }

    private TestPki.Spec constrainedCa() {
        return intermediate("Test Intermediate", pki.root);
    }

    private static void assertInvalid(CertVerdict verdict, String reasonPart) {
        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains(reasonPart), "reason should mention '" + reasonPart + "': " + verdict.reason());
    }

    private static void assertAccepted(CertVerdict verdict) {
        assertTrue(verdict.accepted(), verdict.reason());
    }

    @Test
    void aUriNameUnderACriticalUriConstraintIsRejected() {
        GeneralName uri = new GeneralName(GeneralName.uniformResourceIdentifier, "https://www.test.example/");
        CertVerdict verdict = underIntermediate(constrainedCa().permit(new GeneralName(GeneralName.uniformResourceIdentifier, "test.example")),
                leaf(HOST, null).san(uri));
        assertInvalid(verdict, "process or reject");
        assertTrue(verdict.reason().contains("URI"), verdict.reason());
    }

    @Test
    void aUriConstraintDoesNotBindACertificateWithoutUriNames() {
        assertAccepted(underIntermediate(constrainedCa().permit(new GeneralName(GeneralName.uniformResourceIdentifier, "test.example")),
                leaf(HOST, null)));
    }

    /** Chromium: a non-critical extension constrains only the forms it evaluates. */
    @Test
    void aNonCriticalUriConstraintIsNotEnforced() {
        GeneralName uri = new GeneralName(GeneralName.uniformResourceIdentifier, "https://www.test.example/");
        assertAccepted(underIntermediate(constrainedCa().nameConstraintsCritical(false)
                        .permit(new GeneralName(GeneralName.uniformResourceIdentifier, "other.example")),
                leaf(HOST, null).san(uri)));
    }

    @Test
    void anOtherNameUnderACriticalConstraintIsRejected() {
        GeneralName otherName = new GeneralName(GeneralName.otherName, new DERSequence(new ASN1EncodableVector() {{
            add(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"));
            add(new DERTaggedObject(true, 0, new org.bouncycastle.asn1.DERUTF8String("user@test.example")));
        }}));
        CertVerdict verdict = underIntermediate(constrainedCa().exclude(otherName), leaf(HOST, null).san(otherName));
        assertInvalid(verdict, "otherName");
    }

    @Test
    void aSubjectInsideAPermittedDirectoryNameIsAccepted() {
        GeneralName good = new GeneralName(new X500Name("C=XX,O=Good"));
        assertAccepted(underIntermediate(constrainedCa().permit(good),
                leaf(HOST, null).subject("C=XX,O=Good,CN=" + HOST)));
    }

    @Test
    void aSubjectOutsideThePermittedDirectoryNamesIsInvalid() {
        GeneralName good = new GeneralName(new X500Name("C=XX,O=Good"));
        assertInvalid(underIntermediate(constrainedCa().permit(good), leaf(HOST, null).subject("C=XX,O=Evil,CN=" + HOST)),
                "outside the permitted subtrees");
    }

    @Test
    void aSubjectInAnExcludedDirectoryNameIsInvalid() {
        GeneralName evil = new GeneralName(new X500Name("C=XX,O=Evil"));
        assertInvalid(underIntermediate(constrainedCa().exclude(evil), leaf(HOST, null).subject("C=XX,O=Evil,CN=" + HOST)),
                "excluded subtree");
        assertAccepted(underIntermediate(constrainedCa().exclude(evil), leaf(HOST, null).subject("C=XX,O=Good,CN=" + HOST)));
    }

    @Test
    void aDirectoryNameComparesWithoutCaseOrExtraSpaces() {
        GeneralName good = new GeneralName(new X500Name("C=XX,O=Good Company"));
        assertAccepted(underIntermediate(constrainedCa().permit(good),
                leaf(HOST, null).subject("C=xx,O=good  COMPANY,CN=" + HOST)));
    }

    @Test
    void anEmailAddressOutsideThePermittedMailDomainIsInvalid() {
        GeneralName mailDomain = new GeneralName(GeneralName.rfc822Name, "test.example");
        assertAccepted(underIntermediate(constrainedCa().permit(mailDomain),
                leaf(HOST, null).san(new GeneralName(GeneralName.rfc822Name, "admin@test.example"))));
        assertInvalid(underIntermediate(constrainedCa().permit(mailDomain),
                        leaf(HOST, null).san(new GeneralName(GeneralName.rfc822Name, "admin@evil.example"))),
                "email:admin@evil.example is outside the permitted subtrees");
    }

    @Test
    void aSubjectEmailAddressIsBoundWhenThereIsNoSubjectAltName() {
        GeneralName excluded = new GeneralName(GeneralName.rfc822Name, ".evil.example");
        CertVerdict verdict = underIntermediate(constrainedCa().exclude(excluded),
                leaf(HOST, null).noSan().subject("CN=" + HOST + ",E=root@mail.evil.example"));
        assertFalse(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().problems.stream().anyMatch(p -> p.contains("email:root@mail.evil.example is in the excluded subtree")),
                verdict.info().problems.toString());
    }

    @Test
    void aMalformedDnsNameIsNeverInsideAPermittedSubtree() {
        for (String constraint : new String[] {"test.example", ".test.example"}) {
            CertVerdict verdict = underIntermediate(constrainedCa().permitDns(constraint),
                    leaf(HOST, null).dns(".test.example"));
            assertInvalid(verdict, "not a well-formed host name");
        }
        assertInvalid(underIntermediate(constrainedCa().permitDns("test.example"), leaf(HOST, null).dns("a..test.example")),
                "not a well-formed host name");
    }

    @Test
    void aWildcardIsPermittedOnlyWhenItLiesWhollyInside() {
        assertAccepted(underIntermediate(constrainedCa().permitDns("test.example"), leaf("*.test.example", null)
                .noSan().dns("*.test.example")));
        CertVerdict narrower = underIntermediate(constrainedCa().permitDns("www.test.example"),
                leaf("*.test.example", null).noSan().dns("*.test.example"));
        assertInvalid(narrower, "outside the permitted subtrees");
    }

    @Test
    void anEmptyNameConstraintsExtensionMakesTheCaUnusable() {
        CertVerdict verdict = underIntermediate(constrainedCa().rawNameConstraints(new DERSequence()), leaf(HOST, null));
        assertFalse(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("nameConstraints is empty")),
                verdict.info().checks.toString());
    }

    @Test
    void anEmptyPermittedSubtreeListMakesTheCaUnusable() {
        DERSequence emptyPermitted = new DERSequence(new DERTaggedObject(false, 0, new DERSequence()));
        CertVerdict verdict = underIntermediate(constrainedCa().rawNameConstraints(emptyPermitted), leaf(HOST, null));
        assertFalse(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("empty permitted subtree list")),
                verdict.info().checks.toString());
    }

    @Test
    void aTrustAnchorsNameConstraintsBindThePath() {
        Issued constrainedRoot = root("Constrained Root").permitDns("other.example").issue();
        Issued inter = intermediate("Test Intermediate", constrainedRoot).issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertInvalid(validator(constrainedRoot).validate(request(HOST, leaf, inter), StepTrace.NONE),
                "outside the permitted subtrees of the trust anchor");
    }

    @Test
    void anUnknownCriticalExtensionOnATrustAnchorFailsThePath() {
        Issued oddRoot = root("Odd Root").criticalExtension("1.3.6.1.4.1.99999.7").issue();
        Issued inter = intermediate("Test Intermediate", oddRoot).issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertInvalid(validator(oddRoot).validate(request(HOST, leaf, inter), StepTrace.NONE),
                "unknown critical extension 1.3.6.1.4.1.99999.7");
    }
}
