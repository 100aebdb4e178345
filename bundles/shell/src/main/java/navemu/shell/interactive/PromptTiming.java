package navemu.shell.interactive;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

/**
 * With {@code -Dnavemu.timing=true} (the launcher's start-up timing switch), marks the steps from
 * "shell ready" to the interactive prompt in the launcher's own format, {@code navemu: timing: X
 * at N ms, cpu M ms} on stderr, after the launcher's own marks, so that whoever starts the shell
 * with the switch (in a terminal, or a pseudo-terminal of a benchmark) sees where those
 * milliseconds go. Without the property it does nothing at all.
 */
final class PromptTiming {
    private static final String PROPERTY = "navemu.timing";

    private PromptTiming() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void mark(String phase) {
        if (!enabled()) {
            return;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("navemu: timing: " + phase + " at " + sinceJvmStart + " ms, cpu " + processCpuMillis() + " ms");
    }

    /**
     * CPU time of the whole process so far (every thread), or -1 where the JVM cannot say. The
     * interface is looked up through the platform class loader: a bundle's class loader sees only
     * the packages it imports, and {@code com.sun.management} is none of them.
     */
    private static long processCpuMillis() {
        try {
            Class<?> extended = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.OperatingSystemMXBean");
            Object os = ManagementFactory.getOperatingSystemMXBean();
            if (!extended.isInstance(os)) {
                return -1;
            }
            Method cpu = extended.getMethod("getProcessCpuTime");
            return (Long) cpu.invoke(os) / 1_000_000;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
