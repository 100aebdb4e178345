package navemu.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.util.function.ToIntFunction;

import org.osgi.framework.BundleContext;

import navemu.shell.command.Session;
import navemu.shell.command.UsageException;
import navemu.shell.interactive.InteractiveShell;
import navemu.shell.interactive.LauncherPrompt;
import navemu.shell.navigation.NssKeyLogFile;
import navemu.shell.render.StreamConsole;

/**
 * The program's entry point inside OSGi, registered by {@link ShellActivator}. The launcher waits
 * for this service ({@code navemu.main=shell}), calls {@link #applyAsInt} on its main thread with the command
 * line, and exits with the status it returns.
 *
 * <p>For {@code -c} and {@code --script} the launcher calls it once every bundle has started and
 * the navigator is up. For the interactive shell it calls it as soon as the shell's own bundles
 * run, and starts the others while the prompt is drawn ({@link PendingStart}: every command waits
 * for them); at a terminal the launcher has drawn that prompt already, before the framework, and
 * the shell takes it over ({@link LauncherPrompt}). The shell looks its services up through trackers, and so survives their bundles
 * being restarted.
 */
@SuppressWarnings("rawtypes")
final class ShellEntry implements ToIntFunction {
    /** Columns assumed when there is no terminal to ask. */
    static final int STREAM_WIDTH = 120;

    private final BundleContext context;

    ShellEntry(BundleContext context) {
        this.context = context;
    }

    @Override
    public int applyAsInt(Object value) {
        return run((String[]) value, System.out, System.err);
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args == null ? new String[0] : args);
        } catch (UsageException e) {
            err.println("navemu: " + e.getMessage());
            err.println(LaunchOptions.USAGE);
            err.println("('navemu --help' lists every option)");
            return 2;
        }
        if (options.help()) {
            out.println(LaunchOptions.HELP);
            return 0;
        }
        try (TrackedServices services = new TrackedServices(context)) {
            if (options.interactive()) {
                return new InteractiveShell(services, PendingStart.find(context), LauncherPrompt.find(context), options.json(),
                        err).run();
            }
            Session session = new Session(services, new StreamConsole(out, err, STREAM_WIDTH), options.json(),
                    ShellCommands.create());
            NssKeyLogFile.fromEnvironment(session, err);
            return new Batch(session).run(options);
        } catch (IOException e) {
            err.println("navemu: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }
}
