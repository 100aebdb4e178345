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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.TestPki.Issued;
import navemu.cert.pkix.checks.NameConstraintRules;
import navemu.cert.pkix.path.PathBuilder;

/**
 * Chains built to make the validator work: the work is bounded and counted, and the verdict is a
 * refusal. The tests assert the work counters ({@code work:} in cert.checks), never a time;
 * {@link PkixBenchmark} prints the times.
 */
class HostileChainTest {
    static final int SUBTREES = 5000;
    static final int LEAF_NAMES = 250;

    /** A leaf with {@value #LEAF_NAMES} names under {@code issuer}, all below test.example. */
    static TestPki.Spec manyNamedLeaf(Issued issuer) {
        TestPki.Spec leaf = leaf(HOST, issuer);
        for (int i = 0; i < LEAF_NAMES; i++) {
            leaf.dns("n" + i + ".test.example");
        }
        return leaf;
    }

    /** A CA named like the real intermediate with {@value #SUBTREES} permitted subtrees, the last one admitting test.example. */
    static TestPki.Spec crowdedCa(Issued issuer, String key) {
        TestPki.Spec ca = intermediate("Test Intermediate", issuer).key(key);
        for (int i = 0; i < SUBTREES - 1; i++) {
            ca.permitDns("n" + i + ".other.example");
        }
        return ca.permitDns("test.example");
    }

    private static String work(CertVerdict verdict) {
        return verdict.info().checks.stream().filter(c -> c.startsWith("work: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no work line in " + verdict.info().checks));
    }

    @Test
    void aForgedIntermediateFullOfSubtreesCostsOnlyItsFailedSignature() {
        TestPki.Hierarchy pki = new TestPki.Hierarchy();
        // Named like the trusted root, but not its key: the intermediate's signature cannot verify.
        Issued fakeRoot = root("Test Root").key("fake-root").issue();
        Issued forged = crowdedCa(fakeRoot, "forged-inter").issue();
        Issued leaf = manyNamedLeaf(forged).issue();

        CertVerdict verdict = validator(pki.root).validate(request(HOST, leaf, forged), StepTrace.NONE);

        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains("does not verify"), verdict.reason());
        assertTrue(work(verdict).contains(" 0 name-constraint comparison(s)"), work(verdict));
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.contains("not evaluated: the path has a signature that does not verify")),
                verdict.info().checks.toString());
    }

    @Test
    void aGenuineCaNeedingTooManyComparisonsIsRefusedWithoutMakingThem() {
        TestPki.Hierarchy pki = new TestPki.Hierarchy();
        Issued crowded = crowdedCa(pki.root, "Test Intermediate").issue();
        Issued leaf = manyNamedLeaf(crowded).issue();
        assertTrue((long) (LEAF_NAMES + 2) * SUBTREES > NameConstraintRules.MAX_COMPARISONS);

        CertVerdict verdict = validator(pki.root).validate(request(HOST, leaf, crowded), StepTrace.NONE);

        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(NetError.ERR_CERT_INVALID, verdict.error(), verdict.reason());
        assertTrue(verdict.reason().contains("more than the " + NameConstraintRules.MAX_COMPARISONS + " allowed"), verdict.reason());
        assertTrue(work(verdict).contains(" 0 name-constraint comparison(s)"), work(verdict));
    }

    @Test
    void aCaWithinTheLimitIsEvaluatedAndCounted() {
        TestPki.Hierarchy pki = new TestPki.Hierarchy();
        Issued constrained = intermediate("Test Intermediate", pki.root).permitDns("other.example").permitDns("test.example").issue();
        Issued leaf = leaf(HOST, constrained).issue();
        CertVerdict verdict = validator(pki.root).validate(request(HOST, leaf, constrained), StepTrace.NONE);
        assertTrue(verdict.accepted(), verdict.reason());
        // One DNS name and the subject, against two subtrees.
        assertTrue(work(verdict).contains(" 4 name-constraint comparison(s)"), work(verdict));
    }

    @Test
    void aBagOfLookAlikeIntermediatesIsSearchedOnlyUpToTheBound() {
        TestPki.Hierarchy pki = new TestPki.Hierarchy();
        List<byte[]> chain = new ArrayList<>();
        chain.add(pki.leaf.der());
        for (int i = 0; i < 3 * PathBuilder.MAX_PATHS; i++) {
            chain.add(intermediate("Test Intermediate", pki.root).key("look-alike-" + i).issue().der());
        }
        CertVerdict verdict = validator(pki.root).validate(
                new ValidationRequest(chain, HOST, TestPki.NOW, "ECDHE", null), StepTrace.NONE);
        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error(), verdict.reason());
        assertTrue(work(verdict).startsWith("work: " + PathBuilder.MAX_PATHS + " candidate path(s), "
                + 2 * PathBuilder.MAX_PATHS + " signature(s) checked"), work(verdict));
    }

    /** Two levels of look-alikes give more paths of three signatures each than the signature budget allows. */
    @Test
    void aDeepBagOfLookAlikesStopsAtTheSignatureBudget() {
        TestPki.Hierarchy pki = new TestPki.Hierarchy();
        List<byte[]> chain = new ArrayList<>();
        chain.add(pki.leaf.der());
        List<Issued> upper = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            upper.add(intermediate("Upper Look-Alike", pki.root).key("upper-" + i).issue());
        }
        for (int i = 0; i < 6; i++) {
            chain.add(intermediate("Test Intermediate", upper.get(i)).key("lower-" + i).issue().der());
            chain.add(upper.get(i).der());
        }
        CertVerdict verdict = validator(pki.root).validate(
                new ValidationRequest(chain, HOST, TestPki.NOW, "ECDHE", null), StepTrace.NONE);
        assertFalse(verdict.accepted(), verdict.reason());
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, verdict.error(), verdict.reason());
        assertTrue(verdict.info().checks.stream().anyMatch(c -> c.startsWith("paths: path building stopped after")),
                verdict.info().checks.toString());
        String work = work(verdict);
        int signatures = Integer.parseInt(work.replaceAll(".*path\\(s\\), (\\d+) signature.*", "$1"));
        int paths = Integer.parseInt(work.replaceAll("work: (\\d+) candidate.*", "$1"));
        assertTrue(signatures >= navemu.cert.pkix.checks.WorkCounter.MAX_SIGNATURES, work);
        assertTrue(signatures < navemu.cert.pkix.checks.WorkCounter.MAX_SIGNATURES + PathBuilder.MAX_LENGTH, work);
        assertTrue(paths < PathBuilder.MAX_PATHS, work);
    }
}
