package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;
import static navemu.cert.pkix.TestPki.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.trace.StepTrace;

/** The anchors are the union of the providers present, which come and go while the program runs. */
class TrustAnchorCollectorTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    private static TrustAnchorProvider provider(String name, List<X509Certificate> anchors) {
        return new TrustAnchorProvider() {
            @Override public String name() { return name; }
            @Override public List<X509Certificate> anchors() { return anchors; }
        };
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void withoutProvidersEveryChainIsAuthorityInvalidAndTheChecksSayWhy() {
        PkixComponent component = new PkixComponent();
        CertVerdict verdict = component.validate(request(HOST, pki.leaf, pki.inter), StepTrace.NONE);
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("no trust anchor provider is running")),
                verdict.info().checks.toString());
    }

    @Test
    void aProviderThatArrivesIsUsedAtTheNextValidationAndForgottenWhenItLeaves() throws Exception {
        PkixComponent component = new PkixComponent();
        TrustAnchorProvider lab = provider("lab root", List.of(x509(pki.root.der())));
        component.addTrustAnchorProvider(lab);
        CertVerdict accepted = component.validate(request(HOST, pki.leaf, pki.inter), StepTrace.NONE);
        assertTrue(accepted.accepted(), accepted.reason());
        assertTrue(accepted.reason().contains("from lab root"), accepted.reason());
        component.removeTrustAnchorProvider(lab);
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID,
                component.validate(request(HOST, pki.leaf, pki.inter), StepTrace.NONE).error());
    }

    @Test
    void anchorsAreTheUnionOfEveryProvider() throws Exception {
        TestPki.Issued otherRoot = TestPki.root("Other Root").issue();
        TestPki.Issued otherLeaf = TestPki.leaf(HOST, otherRoot).issue();
        PkixComponent component = new PkixComponent();
        component.addTrustAnchorProvider(provider("lab root", List.of(x509(pki.root.der()))));
        component.addTrustAnchorProvider(provider("system CA bundle", List.of(x509(otherRoot.der()))));
        assertNull(component.validate(request(HOST, pki.leaf, pki.inter), StepTrace.NONE).error());
        assertNull(component.validate(request(HOST, otherLeaf), StepTrace.NONE).error());
    }

    @Test
    void aFailingProviderIsNamedAndTheOthersStillCount() throws Exception {
        PkixComponent component = new PkixComponent();
        component.addTrustAnchorProvider(new TrustAnchorProvider() {
            @Override public String name() { return "system CA bundle /missing.pem"; }
            @Override public List<X509Certificate> anchors() { throw new IllegalStateException("file not found"); }
        });
        component.addTrustAnchorProvider(provider("lab root", List.of(x509(pki.root.der()))));
        CertVerdict verdict = component.validate(request(HOST, pki.leaf, pki.inter), StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(verdict.info().checks.contains(
                "trust anchors: provider system CA bundle /missing.pem failed: file not found"), verdict.info().checks.toString());
    }

    @Test
    void theIndexIsReusedWhileProvidersHandBackTheSameAnchors() throws Exception {
        TrustAnchorCollector collector = new TrustAnchorCollector();
        collector.add(provider("lab root", List.of(x509(pki.root.der()))));
        assertSame(collector.current(), collector.current());
    }
}
