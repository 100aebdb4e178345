package navemu.runtime;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code java -jar navemu.jar [--home DIR] [--config DIR] [shell arguments…]}
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
            settings.prepareHome();
            status = new FelixLauncher(settings).run();
        } catch (LaunchSettings.UsageException e) {
            System.err.println("navemu: " + e.getMessage());
            status = 2;
        } catch (IOException | RuntimeException e) {
            System.err.println("navemu: could not start: " + e.getMessage());
            status = 3;
        }
        System.exit(status);
    }

    /** The navemu directory when nothing else is said: {@code ~/.navemu}. */
    static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".navemu");
    }
}
