package navemu.runtime;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dnavemu.timing=true}, prints how long each phase of start-up took, counted from
 * the JVM's own start, so the figure in the README can be measured again by anyone.
 */
final class StartupTiming {
    private final boolean enabled;

    private StartupTiming(boolean enabled) {
        this.enabled = enabled;
    }

    static StartupTiming fromSystemProperty() {
        return new StartupTiming(Boolean.getBoolean("navemu.timing"));
    }

    void mark(String phase) {
        if (enabled) {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("navemu: timing: " + phase + " at " + sinceJvmStart + " ms");
        }
    }
}
