package navemu.runtime;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With {@code -Dnavemu.timing=true}, prints how long each phase of start-up took, counted from
 * the JVM's own start, so the figure in the README can be measured again by anyone, and which
 * bundles took longest to start ({@code scripts/bench.sh start} shows both).
 */
final class StartupTiming {
    /** How many of the slowest bundle starts are named. */
    private static final int SLOWEST_SHOWN = 6;

    private final boolean enabled;
    private final Map<String, Long> bundleStartNanos = new LinkedHashMap<>();

    private StartupTiming(boolean enabled) {
        this.enabled = enabled;
    }

    static StartupTiming fromSystemProperty() {
        return new StartupTiming(Boolean.getBoolean("navemu.timing"));
    }

    void mark(String phase) {
        if (enabled) {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("navemu: timing: " + phase + " at " + sinceJvmStart + " ms, cpu " + processCpuMillis() + " ms");
        }
    }

    /**
     * CPU time of the whole process so far (every thread: JIT and GC too), or -1 where the JVM
     * cannot say. On a busy machine the wall clock says more about the other processes than about
     * navemu; the CPU time does not.
     */
    static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /** Records how long one bundle's {@code start()} took (its activator and its immediate components). */
    void bundleStarted(String bundle, long nanos) {
        if (enabled) {
            bundleStartNanos.put(bundle, nanos);
        }
    }

    void printSlowestBundles() {
        if (!enabled) {
            return;
        }
        StringBuilder line = new StringBuilder("navemu: timing: slowest bundle starts:");
        bundleStartNanos.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(SLOWEST_SHOWN)
                .forEach(e -> line.append(' ').append(e.getKey()).append(' ').append(e.getValue() / 1_000_000).append(" ms,"));
        line.setLength(line.length() - 1);
        System.err.println(line);
    }
}
