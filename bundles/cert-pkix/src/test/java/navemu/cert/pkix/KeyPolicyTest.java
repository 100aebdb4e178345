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

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;

/**
 * Browser key policy (CA/B Forum BR §6.1.5, Chromium's {@code IsPublicKeyAcceptable}): RSA and
 * ECDSA on P-256, P-384 or P-521 only, for the leaf and every CA alike; anything else is
 * ERR_CERT_WEAK_KEY.
 */
class KeyPolicyTest {
    private final TestPki.Hierarchy pki = new TestPki.Hierarchy();

    private CertVerdict leafWithKey(String key) {
        Issued leaf = leaf(HOST, pki.inter).key(key).issue();
        return validator(pki.root).validate(request(HOST, leaf, pki.inter), StepTrace.NONE);
    }

    private CertVerdict intermediateWithKey(String key) {
        Issued inter = intermediate("Odd Key Intermediate", pki.root).key(key).issue();
        Issued leaf = leaf(HOST, inter).issue();
        return validator(pki.root).validate(request(HOST, leaf, inter), StepTrace.NONE);
    }

    private static void assertWeakKey(CertVerdict verdict, String who, String what) {
        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(NetError.ERR_CERT_WEAK_KEY, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains(who), verdict.reason());
        assertTrue(verdict.reason().contains(what), verdict.reason());
    }

    @Test
    void aP192LeafIsAWeakKey() {
        assertWeakKey(leafWithKey("p192-leaf"), "leaf", "curve browsers do not accept");
    }

    @Test
    void aP192IntermediateIsAWeakKeyAndSignsNothing() {
        CertVerdict verdict = intermediateWithKey("p192-inter");
        assertWeakKey(verdict, "intermediate #1", "curve browsers do not accept");
        assertTrue(verdict.info().problems.stream().anyMatch(p -> p.contains("not verified: the key of the intermediate #1")),
                verdict.info().problems.toString());
    }

    @Test
    void aDsaLeafIsAWeakKey() {
        assertWeakKey(leafWithKey("dsa-leaf"), "leaf", "DSA key is not allowed");
    }

    @Test
    void aDsaIntermediateIsAWeakKey() {
        assertWeakKey(intermediateWithKey("dsa-inter"), "intermediate #1", "DSA key is not allowed");
    }

    @Test
    void anEd25519LeafIsAWeakKey() {
        assertWeakKey(leafWithKey("ed25519-leaf"), "leaf", "Ed25519 key is not allowed");
    }

    @Test
    void aP192TrustAnchorIsAWeakKey() {
        Issued p192Root = root("P-192 Root").key("p192-root").issue();
        Issued inter = intermediate("Test Intermediate", p192Root).issue();
        Issued leaf = leaf(HOST, inter).issue();
        assertWeakKey(validator(p192Root).validate(request(HOST, leaf, inter), StepTrace.NONE), "trust anchor", "P-192");
    }

    @Test
    void p384AndP521KeysAreAccepted() {
        for (String key : new String[] {"p384-leaf", "p521-leaf"}) {
            CertVerdict verdict = leafWithKey(key);
            assertTrue(verdict.accepted(), key + ": " + verdict.reason());
        }
        CertVerdict viaP521 = intermediateWithKey("p521-inter");
        assertTrue(viaP521.accepted(), viaP521.reason());
    }
}
