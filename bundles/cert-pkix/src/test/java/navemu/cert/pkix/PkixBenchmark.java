package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
import navemu.cert.pkix.path.TrustAnchors;
import navemu.cert.pkix.TestPki.Issued;

/**
 * Prints how many validations per second {@code pkix} does on a warm three-certificate chain
 * (leaf and intermediate sent, root as trust anchor; target: under 1 ms each).
 *
 * <p>Two figures: the same chain again and again (the JDK's CertificateFactory caches parsed
 * certificates and X509CertImpl remembers a signature it already verified, as a browser's
 * verifier cache would), and a fresh leaf each time under the same intermediate (the leaf is parsed
 * and its signature verified for real: a new site behind a known CA).
 *
 * <p>Both beside the JDK's {@link CertPathValidator} on the same chains (see {@link JdkPathValidator}).
 *
 * <p>Run: {@code scripts/bench.sh pkix [seconds]}.
 */
public final class PkixBenchmark {
    private PkixBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        TestPki.Hierarchy pki = new TestPki.Hierarchy();
        PkixValidator validator = TestPki.validator(pki.root);

        JdkPathValidator jdk = new JdkPathValidator(pki.root);

        TrustAnchors anchors = TestPki.anchors(pki.root);
        PkixValidator slot = new PkixValidator(() -> anchors, true);

        ValidationRequest same = TestPki.request(HOST, pki.leaf, pki.inter);
        requireAccepted(validator.validate(same, StepTrace.NONE));
        Cost slotSame = measure(request -> slot.validate(request, StepTrace.NONE).accepted(), List.of(same), seconds);
        Cost pkixSame = measure(request -> validator.validate(request, StepTrace.NONE).accepted(), List.of(same), seconds);
        Cost jdkSame = measure(jdk::accepts, List.of(same), seconds);
        report("same chain, warm", slotSame, jdkSame);
        System.out.printf("  %-22s %,9.0f validations/s (%6.1f µs each, wall clock); %6.1f µs of CPU each (%.2f× the JDK per CPU-second)%n",
                "pkix, every check run", 1e9 / pkixSame.wallNanos(), pkixSame.wallNanos() / 1000, pkixSame.cpuNanos() / 1000,
                jdkSame.cpuNanos() / pkixSame.cpuNanos());

        List<ValidationRequest> fresh = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            fresh.add(TestPki.request(HOST, TestPki.leaf(HOST, pki.inter).issue(), pki.inter));
        }
        requireAccepted(validator.validate(fresh.get(0), StepTrace.NONE));
        Cost pkixFresh = measure(request -> slot.validate(request, StepTrace.NONE).accepted(), fresh, seconds);
        Cost jdkFresh = measure(jdk::accepts, fresh, seconds);
        report("fresh leaf each time", pkixFresh, jdkFresh);
        System.out.println("pkix is the cert slot's validator (accepted verdicts kept 30 minutes for the same chain, host "
                + "and anchors, as Chromium's verifier cache); \"every check run\" is the same validator without that cache.");
        System.out.println("pkix ÷ JDK above 1: pkix validates more chains per CPU-second. The JDK's figure is its "
                + "CertPathValidator (PKIX, revocation off; its CertificateFactory keeps parsed certificates and they keep "
                + "verified signatures) and a SAN host check, without pkix's browser policy or explanations.");

        hostile(pki);
    }

    /**
     * Chains made to cost work (see HostileChainTest), each validated by a fresh validator (no
     * cache), cold and then warm; the verdict must be a refusal. Target: well under 100 ms each.
     */
    private static void hostile(TestPki.Hierarchy pki) {
        Issued fakeRoot = TestPki.root("Test Root").key("fake-root").issue();
        Issued forged = HostileChainTest.crowdedCa(fakeRoot, "forged-inter").issue();
        Issued forgedLeaf = HostileChainTest.manyNamedLeaf(forged).issue();
        Issued crowded = HostileChainTest.crowdedCa(pki.root, "Test Intermediate").issue();
        Issued crowdedLeaf = HostileChainTest.manyNamedLeaf(crowded).issue();
        List<byte[]> lookAlikes = new ArrayList<>();
        lookAlikes.add(pki.leaf.der());
        for (int i = 0; i < 1000; i++) {
            lookAlikes.add(TestPki.intermediate("Test Intermediate", pki.root).key("look-alike-" + i).issue().der());
        }
        hostileCase(pki, "forged intermediate with " + HostileChainTest.SUBTREES + " subtrees ("
                + (forged.der().length + forgedLeaf.der().length) + " bytes)", TestPki.request(HOST, forgedLeaf, forged));
        hostileCase(pki, "genuine intermediate over the comparison limit", TestPki.request(HOST, crowdedLeaf, crowded));
        hostileCase(pki, "1000 look-alike intermediates (" + lookAlikes.stream().mapToInt(d -> d.length).sum() + " bytes)",
                new ValidationRequest(lookAlikes, HOST, TestPki.NOW, "ECDHE", null));
    }

    private static void hostileCase(TestPki.Hierarchy pki, String what, ValidationRequest request) {
        for (String phase : new String[] {"cold", "warm", "warm"}) {
            PkixValidator fresh = TestPki.validator(pki.root);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            CertVerdict verdict = fresh.validate(request, StepTrace.NONE);
            long wall = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            if (verdict.accepted()) {
                throw new IllegalStateException("a hostile chain was accepted: " + what);
            }
            System.out.printf("pkix, hostile: %s, %s: refused with %s in %.1f ms (%.1f ms of CPU)%n",
                    what, phase, verdict.error(), wall / 1e6, cpu / 1e6);
        }
    }

    private static void requireAccepted(CertVerdict verdict) {
        if (!verdict.accepted()) {
            throw new IllegalStateException("the benchmark chain must validate: " + verdict.reason());
        }
    }

    /** Wall-clock and CPU nanoseconds per validation, after a warm-up as long as the measurement. */
    private record Cost(double wallNanos, double cpuNanos) {
    }

    /** One validation; true when the chain was accepted. */
    private interface Validation {
        boolean accepts(ValidationRequest request);
    }

    /**
     * The JDK's validator on the same requests, used as a browser-less program would: the DER
     * through the JDK's CertificateFactory (which keeps parsed certificates, and they keep the
     * signatures already verified), a CertPath, {@link CertPathValidator} PKIX with the root as
     * anchor and revocation off, then the host against the leaf's dNSName SANs (an exact name, as
     * the JDK's HTTPS check compares it; its own checker is internal to the JDK).
     */
    private static final class JdkPathValidator {
        private final CertificateFactory factory;
        private final PKIXParameters parameters;
        private final CertPathValidator validator;

        JdkPathValidator(TestPki.Issued root) {
            try {
                factory = CertificateFactory.getInstance("X.509");
                X509Certificate anchor = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(root.der()));
                parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
                parameters.setRevocationEnabled(false);
                parameters.setDate(Date.from(TestPki.NOW));
                validator = CertPathValidator.getInstance("PKIX");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean accepts(ValidationRequest request) {
            try {
                List<X509Certificate> chain = new ArrayList<>();
                for (byte[] der : request.chain()) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                }
                validator.validate(factory.generateCertPath(chain), parameters);
                for (List<?> name : chain.get(0).getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(name.get(0)) && request.host().equalsIgnoreCase((String) name.get(1))) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }

    private static Cost measure(Validation validator, List<ValidationRequest> requests, double seconds) {
        run(validator, requests, (long) (seconds * 1e9)); // warm-up as long as the run: the JIT must be done
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = run(validator, requests, (long) (seconds * 1e9));
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        return new Cost(wall / (double) count, cpu / (double) count);
    }

    private static long run(Validation validator, List<ValidationRequest> requests, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        int index = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                if (!validator.accepts(requests.get(index))) {
                    throw new IllegalStateException("the benchmark chain must validate");
                }
                index = (index + 1) % requests.size();
                count++;
            }
        }
        return count;
    }

    /**
     * Wall-clock figures depend on what else the machine runs; the CPU time of the benchmark's own
     * thread does not, so both are printed.
     */
    private static void report(String what, Cost pkix, Cost jdk) {
        System.out.printf("three-certificate chain, %s:%n", what);
        for (var row : List.of(java.util.Map.entry("pkix", pkix), java.util.Map.entry("JDK CertPathValidator", jdk))) {
            Cost cost = row.getValue();
            System.out.printf("  %-22s %,9.0f validations/s (%6.1f µs each, wall clock); %6.1f µs of CPU each, "
                    + "%,9.0f per CPU-second%n", row.getKey(), 1e9 / cost.wallNanos(), cost.wallNanos() / 1000,
                    cost.cpuNanos() / 1000, 1e9 / cost.cpuNanos());
        }
        System.out.printf("  pkix ÷ JDK: %.2f× per CPU-second, %.2f× per wall-clock second (target for pkix: < 1000 µs)%n",
                jdk.cpuNanos() / pkix.cpuNanos(), jdk.wallNanos() / pkix.wallNanos());
    }
}
