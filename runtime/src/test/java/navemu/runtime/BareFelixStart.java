package navemu.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The floor navemu's start-up is compared with: the same Felix (from navemu.jar) started with no
 * bundle at all, then stopped. Prints {@value #READY} and the process's CPU time on standard error
 * once the framework is active, as navemu prints its "shell ready" timing mark. Run by {@link StartupBenchmark}.
 */
public final class BareFelixStart {
    static final String READY = "bare felix: started";

    private BareFelixStart() {
    }

    public static void main(String[] args) throws Exception {
        Path storage = Files.createTempDirectory("navemu-bare-felix-");
        try {
            FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
            Framework framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                    Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
            framework.start();
            System.err.println(READY + ", cpu " + processCpuMillis() + " ms");
            framework.stop();
            framework.waitForStop(10_000);
        } finally {
            BundleCache.deleteTree(storage);
        }
    }

    /** As navemu's timing marks count it (StartupTiming), repeated so that an older navemu.jar can be the floor's jar too. */
    private static long processCpuMillis() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}
