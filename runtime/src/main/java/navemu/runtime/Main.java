package navemu.runtime;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code java -jar navemu.jar [--home DIR] [--config DIR] [shell arguments…]}, or {@code --version}
 *
 * <p>Boots Apache Felix with every navemu bundle and hands the remaining arguments to the
 * shell: no arguments opens the interactive shell; {@code -c}, {@code --script} and
 * {@code --json} run without a terminal. The exit status is the shell's.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            LaunchSettings settings = LaunchSettings.fromArguments(args, System.getenv());
            if (settings.version()) {
                // Answered before anything starts: no framework, no home directory touched.
                System.out.println("navemu " + version());
                status = 0;
            } else {
                settings.prepareHome();
                status = new FelixLauncher(settings).run();
            }
        } catch (LaunchSettings.UsageException e) {
            System.err.println("navemu: " + e.getMessage());
            status = 2;
        } catch (IOException | RuntimeException e) {
            System.err.println("navemu: could not start: " + e.getMessage());
            status = 3;
        } catch (Error e) {
            // Still exit: returning from main would leave the JVM waiting on the framework's threads.
            System.err.println("navemu: internal error: " + e);
            status = 3;
        }
        exit(status);
    }

    /** How long the JVM's shutdown hooks may run before navemu halts anyway. */
    static final long SHUTDOWN_HOOKS_TIMEOUT_MS = 5_000;

    /**
     * {@code System.exit}, bounded: a shutdown hook some library left behind (and that now blocks,
     * or waits on a thread of a stopped bundle) must not keep the process alive, so a daemon
     * watchdog halts the JVM with the same status once the hooks have had their time.
     */
    static void exit(int status) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_HOOKS_TIMEOUT_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("navemu: shutdown hooks still running after " + SHUTDOWN_HOOKS_TIMEOUT_MS / 1000
                    + " s; halting");
            Runtime.getRuntime().halt(status);
        }, "navemu-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(status);
    }

    /** The Maven project version the jar's manifest carries (Implementation-Version). */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "(unknown version: not run from navemu.jar)" : version;
    }

    /** The navemu directory when nothing else is said: {@code ~/.navemu}. */
    static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".navemu");
    }
}
