package navemu.cert.jdk;

import static navemu.cert.jdk.TestPki.NOW;
import static navemu.cert.jdk.TestPki.dns;
import static navemu.cert.jdk.TestPki.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.cert.ValidationRequest;
import navemu.api.result.CertificateSummary;
import navemu.api.trace.StepTrace;

class JdkValidatorTest {

    private static TestPki.Issued root;
    private static TestPki.Issued intermediate;
    private static TestPki.Issued leaf;

    @BeforeAll
    static void pki() throws Exception {
        root = TestPki.root("CN=Test Root");
        intermediate = TestPki.intermediate("CN=Test Intermediate", root, true);
        leaf = TestPki.leaf(intermediate, dns("www.lab.test"), dns("*.wild.lab.test"), ip("127.0.0.1"));
    }

    private static TrustAnchorProvider provider(String name, X509Certificate... anchors) {
        return new TrustAnchorProvider() {
            @Override public String name() { return name; }
            @Override public List<X509Certificate> anchors() { return List.of(anchors); }
        };
    }

    private static JdkValidator trusting(X509Certificate... anchors) {
        return new JdkValidator(() -> List.of(provider("test root", anchors)));
    }

    private static ValidationRequest request(List<byte[]> chain, String host) {
        return new ValidationRequest(chain, host, NOW, "ECDHE", null);
    }

    @Test
    void aGoodChainIsAcceptedAndDescribedLeafToAnchor() throws Exception {
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(TestPki.ders(leaf, intermediate), "www.lab.test"), StepTrace.NONE);

        assertTrue(verdict.accepted(), String.valueOf(verdict.reason()));
        assertNull(verdict.error());
        assertTrue(verdict.info().valid);
        assertEquals("jdk", verdict.info().validator);
        assertEquals("CN=leaf", verdict.info().subject);
        assertEquals("CN=Test Intermediate", verdict.info().issuer);
        assertEquals(List.of("www.lab.test", "*.wild.lab.test", "127.0.0.1"), verdict.info().san);
        List<CertificateSummary> chain = verdict.info().chain;
        assertEquals(3, chain.size());
        assertEquals("CN=Test Root", chain.get(2).subject());
        assertTrue(chain.get(2).trustAnchor());
        assertEquals("EC", chain.get(0).keyType());
        assertEquals(256, chain.get(0).keyBits());
        assertEquals("SHA256withECDSA", chain.get(0).signatureAlgorithm());
        assertTrue(chain.get(0).sha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), chain.get(0).sha256());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.startsWith("hostname:")), verdict.info().checks.toString());
        assertTrue(verdict.info().problems.isEmpty());
    }

    @Test
    void anExpiredLeafIsADateError() throws Exception {
        TestPki.Issued old = TestPki.leaf(intermediate, NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1)),
                dns("www.lab.test"));
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(TestPki.ders(old, intermediate), "www.lab.test"), StepTrace.NONE);
        assertFalse(verdict.accepted());
        assertEquals(NetError.ERR_CERT_DATE_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("expired"), verdict.reason());
        assertEquals(verdict.reason(), verdict.info().problems.get(0));
    }

    @Test
    void aLeafForAnotherNameIsACommonNameError() throws Exception {
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(TestPki.ders(leaf, intermediate), "evil.lab.test"), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("evil.lab.test"), verdict.reason());
    }

    @Test
    void aWildcardCoversOneLabelOnly() throws Exception {
        JdkValidator validator = trusting(root.certificate());
        assertTrue(validator.validate(request(TestPki.ders(leaf, intermediate), "a.wild.lab.test"), StepTrace.NONE)
                .accepted());
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, validator.validate(
                request(TestPki.ders(leaf, intermediate), "a.b.wild.lab.test"), StepTrace.NONE).error());
    }

    @Test
    void anInternationalHostIsComparedInItsUts46ALabels() throws Exception {
        // The JDK on its own compares "faß.lab.test" as typed (its IDN is IDNA 2003); the host goes
        // through the URL's host parser first, so the JDK sees xn--fa-hia.lab.test, as a browser does.
        TestPki.Issued sharpS = TestPki.leaf(intermediate, TestPki.dns("xn--fa-hia.lab.test"));
        assertTrue(trusting(root.certificate()).validate(request(TestPki.ders(sharpS, intermediate), "faß.lab.test"),
                StepTrace.NONE).accepted());
        TestPki.Issued fass = TestPki.leaf(intermediate, TestPki.dns("fass.lab.test"));
        assertEquals(NetError.ERR_CERT_COMMON_NAME_INVALID, trusting(root.certificate()).validate(
                request(TestPki.ders(fass, intermediate), "faß.lab.test"), StepTrace.NONE).error());
    }

    @Test
    void anIpLiteralHostMatchesAnIpAddressName() throws Exception {
        assertTrue(trusting(root.certificate()).validate(request(TestPki.ders(leaf, intermediate), "127.0.0.1"),
                StepTrace.NONE).accepted());
    }

    @Test
    void aChainFromAnUntrustedRootIsAnAuthorityError() throws Exception {
        TestPki.Issued stranger = TestPki.root("CN=Stranger Root");
        CertVerdict verdict = trusting(stranger.certificate()).validate(
                request(TestPki.ders(leaf, intermediate), "www.lab.test"), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error());
    }

    @Test
    void withNoAnchorsAtAllTheVerdictSaysSo() throws Exception {
        CertVerdict verdict = new JdkValidator(List::of).validate(
                request(TestPki.ders(leaf, intermediate), "www.lab.test"), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("no trust anchors"), verdict.reason());
    }

    @Test
    void aChainSentOutOfOrderIsRebuiltByTheJdk() throws Exception {
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(TestPki.ders(leaf, root, intermediate), "www.lab.test"), StepTrace.NONE);
        assertTrue(verdict.accepted(), String.valueOf(verdict.reason()));
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("CertPathBuilder")), verdict.info().checks.toString());
    }

    @Test
    void anIntermediateThatIsNotACaMakesTheChainInvalid() throws Exception {
        TestPki.Issued notCa = TestPki.intermediate("CN=Not A CA", root, false);
        TestPki.Issued below = TestPki.leaf(notCa, dns("www.lab.test"));
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(TestPki.ders(below, notCa), "www.lab.test"), StepTrace.NONE);
        assertFalse(verdict.accepted());
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("basicConstraints"), verdict.reason());
    }

    @Test
    void aSigningOnlyLeafCannotServeRsaKeyExchange() throws Exception {
        CertVerdict verdict = trusting(root.certificate()).validate(new ValidationRequest(
                TestPki.ders(leaf, intermediate), "www.lab.test", NOW, "RSA", null), StepTrace.NONE);
        assertFalse(verdict.accepted());
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
    }

    @Test
    void malformedDerIsAVerdictNotAnException() {
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(List.of(new byte[] {0x30, 0x03, 0x02, 0x01}), "www.lab.test"), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
        assertTrue(verdict.reason().contains("certificate 1 of 1"), verdict.reason());
    }

    @Test
    void anEmptyChainIsAVerdictNotAnException() {
        CertVerdict verdict = trusting(root.certificate()).validate(request(List.of(), "www.lab.test"), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error());
    }

    @Test
    void aTrustAnchorsNameConstraintsBindThePath() throws Exception {
        TestPki.Issued constrainedRoot = TestPki.constrainedRoot("CN=Constrained Root", "other.example");
        TestPki.Issued inter = TestPki.intermediate("CN=Test Intermediate", constrainedRoot, true);
        TestPki.Issued outside = TestPki.leaf(inter, dns("www.lab.test"));
        CertVerdict verdict = trusting(constrainedRoot.certificate()).validate(
                request(TestPki.ders(outside, inter), "www.lab.test"), StepTrace.NONE);
        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains("nameConstraints"), verdict.reason());

        TestPki.Issued inside = TestPki.leaf(inter, dns("www.other.example"));
        CertVerdict good = trusting(constrainedRoot.certificate()).validate(
                request(TestPki.ders(inside, inter), "www.other.example"), StepTrace.NONE);
        assertTrue(good.accepted(), good.reason());
    }

    @Test
    void aLeafThatIsItselfATrustAnchorIsAcceptedNotAnException() throws Exception {
        TestPki.Issued self = TestPki.selfSignedLeaf(dns("www.lab.test"));
        CertVerdict verdict = trusting(self.certificate()).validate(
                request(TestPki.ders(self), "www.lab.test"), StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
        assertEquals(1, verdict.info().chain.size());
        assertTrue(verdict.info().chain.get(0).trustAnchor());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("the leaf is itself a trust anchor")),
                verdict.info().checks.toString());
    }

    @Test
    void aLeafThatIsATrustAnchorSentWithAnUnrelatedCertificateIsStillAVerdict() throws Exception {
        TestPki.Issued self = TestPki.selfSignedLeaf(dns("www.lab.test"));
        CertVerdict verdict = trusting(self.certificate()).validate(
                request(TestPki.ders(self, intermediate), "www.lab.test"), StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
    }

    @Test
    void aFailureOfTheChainAsSentSaysTheJdkTriedNoOtherPath() throws Exception {
        TestPki.Issued notCa = TestPki.intermediate("CN=Not A CA", root, false);
        TestPki.Issued under = TestPki.leaf(notCa, dns("www.lab.test"));
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(TestPki.ders(under, notCa), "www.lab.test"), StepTrace.NONE);
        assertFalse(verdict.accepted());
        assertTrue(verdict.reason().contains("the JDK tried no other path"), verdict.reason());
        assertTrue(verdict.info().checks.contains(JdkValidator.ONE_PATH_ONLY), verdict.info().checks.toString());
    }

    @Test
    void aDsaLeafIsAcceptedByTheJdkAndTheVerdictSaysBrowsersRefuseIt() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("DSA");
        generator.initialize(2048);
        TestPki.Issued dsaLeaf = TestPki.leafWithKeys(intermediate, generator.generateKeyPair(), dns("www.lab.test"));
        CertVerdict verdict = trusting(root.certificate()).validate(
                request(TestPki.ders(dsaLeaf, intermediate), "www.lab.test"), StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("has a DSA key, which the JDK accepts and browsers refuse")),
                verdict.info().checks.toString());
    }
}
