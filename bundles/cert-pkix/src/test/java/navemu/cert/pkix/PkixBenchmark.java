package navemu.cert.pkix;

import static navemu.cert.pkix.TestPki.HOST;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.trace.StepTrace;
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
 * <p>Run: {@code java -cp <test classpath> navemu.cert.pkix.PkixBenchmark [seconds]}.
 */
public final class PkixBenchmark {
    private PkixBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        TestPki.Hierarchy pki = new TestPki.Hierarchy();
        PkixValidator validator = TestPki.validator(pki.root);

        ValidationRequest same = TestPki.request(HOST, pki.leaf, pki.inter);
        requireAccepted(validator.validate(same, StepTrace.NONE));
        report("same chain, warm", measure(validator, List.of(same), seconds));

        List<ValidationRequest> fresh = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            fresh.add(TestPki.request(HOST, TestPki.leaf(HOST, pki.inter).issue(), pki.inter));
        }
        requireAccepted(validator.validate(fresh.get(0), StepTrace.NONE));
        report("fresh leaf each time", measure(validator, fresh, seconds));

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

    /** Wall-clock and CPU nanoseconds per validation, after a warm-up of a third of the time. */
    private record Cost(double wallNanos, double cpuNanos) {
    }

    private static Cost measure(PkixValidator validator, List<ValidationRequest> requests, double seconds) {
        run(validator, requests, (long) (seconds / 3 * 1e9));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = run(validator, requests, (long) (seconds * 1e9));
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        return new Cost(wall / (double) count, cpu / (double) count);
    }

    private static long run(PkixValidator validator, List<ValidationRequest> requests, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        int index = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                CertVerdict verdict = validator.validate(requests.get(index), StepTrace.NONE);
                if (!verdict.accepted()) {
                    throw new IllegalStateException(verdict.reason());
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
    private static void report(String what, Cost cost) {
        System.out.printf("pkix, three-certificate chain, %s: %,.0f validations/s (%.1f µs each, wall clock); "
                        + "%.1f µs of CPU each, %,.0f validations per CPU-second (target < 1000 µs)%n",
                what, 1e9 / cost.wallNanos(), cost.wallNanos() / 1000, cost.cpuNanos() / 1000, 1e9 / cost.cpuNanos());
    }
}
