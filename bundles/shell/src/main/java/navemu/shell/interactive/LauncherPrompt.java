package navemu.shell.interactive;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.jline.reader.LineReader;
import org.osgi.framework.BundleContext;

import navemu.shell.LauncherServices;

/**
 * The prompt the launcher drew at a terminal before the framework started, for the shell to take
 * over: the launcher's line reader (its terminal, history and options already set) and the first
 * line, which the launcher reads while the shell's bundles start. The launcher registers both as
 * services with the property {@value #PROPERTY}: the reader as {@code org.jline.reader.LineReader}
 * ({@code reader}), the first line as a {@code Future<String>} ({@code first-line}; null when the
 * input ended). The launcher owns the terminal and closes it; the shell only reads from it.
 */
public final class LauncherPrompt {
    static final String PROPERTY = "navemu.prompt";

    private final LineReader reader;
    private final Future<?> firstLine;

    LauncherPrompt(LineReader reader, Future<?> firstLine) {
        this.reader = reader;
        this.firstLine = firstLine;
    }

    /** The launcher's prompt in {@code context}, or null when it drew none (the shell draws its own). */
    public static LauncherPrompt find(BundleContext context) {
        LineReader reader = LauncherServices.first(context, LineReader.class, "(" + PROPERTY + "=reader)");
        Future<?> firstLine = LauncherServices.first(context, Future.class, "(" + PROPERTY + "=first-line)");
        return reader == null || firstLine == null ? null : new LauncherPrompt(reader, firstLine);
    }

    LineReader reader() {
        return reader;
    }

    /**
     * Waits for the first line (as long as the person takes to type it: no command is pending);
     * null when the input ended before one was typed.
     */
    String firstLine() {
        try {
            Object line = firstLine.get();
            return line == null ? null : line.toString();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
