package navemu.lab;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Prints how long {@link LabWorld#start} takes: cold (empty CA cache) and warm (cache filled),
 * and how long until every certificate is ready. Not a test: run it by hand —
 *
 * <pre>
 *   java -cp TEST_CLASSPATH navemu.lab.LabStartBenchmark [HOME]
 * </pre>
 *
 * With HOME given and already holding a cache, the first start is a warm start in a fresh JVM
 * (what the shell sees on its second launch).
 */
public final class LabStartBenchmark {

    private LabStartBenchmark() {
    }

    /** CPU time of the whole process, so a busy machine's figures can be told apart from the lab's cost. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    public static void main(String[] args) throws Exception {
        Path home = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("navemu-lab-bench");
        Path config = LabFixture.configDir();
        System.out.printf("cores: %d, home: %s%n", Runtime.getRuntime().availableProcessors(), home);
        for (int run = 1; run <= 4; run++) {
            boolean cold = !Files.exists(home.resolve(LabWorld.CA_SUBDIRECTORY).resolve("lab-root.pem"));
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            try (LabWorld lab = LabWorld.start(home, config, Clock.systemUTC(), notice -> System.out.println("notice: " + notice))) {
                long returned = System.nanoTime();
                lab.awaitCertificates(Duration.ofMinutes(5));
                long ready = System.nanoTime();
                System.out.printf("run %d (%s cache, %d sites): start() %d ms, all certificates ready %d ms"
                                + " (process CPU %d ms; load average %.1f)%n",
                        run, cold ? "empty" : "filled", lab.sites().size(),
                        (returned - started) / 1_000_000, (ready - started) / 1_000_000,
                        (processCpuNanos() - cpuStarted) / 1_000_000,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }
}
