package navemu.runtime;

import java.io.IOError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive prompt, drawn by the launcher before the OSGi framework starts, so that a person
 * at a terminal gets it in about the time the JVM takes to start rather than after Felix and the
 * shell's bundles. The launcher owns the terminal and its line reader from then on; the shell
 * bundle takes them over once it runs ({@code navemu.shell.interactive.LauncherPrompt}): it adds
 * its completion, receives the first line from {@link #firstLine()} and reads the others itself.
 *
 * <p>Only at a real terminal: when JLine's native terminal cannot be had (commands piped in, no
 * native library), {@link #draw} returns null and the shell makes its own terminal after the
 * framework, as it always did.
 */
final class EarlyPrompt implements AutoCloseable {
    /** The shell's prompt and banner; the shell draws the same ones when it makes its own terminal. */
    static final String PROMPT = "navemu> ";
    static final String BANNER = "navemu — type 'help' for the commands, Ctrl-D to leave";
    /** How long the prompt may take to be drawn before the launcher goes on regardless. */
    static final long DRAW_TIMEOUT_MS = 5_000;

    private final Terminal terminal;
    private final LineReader reader;
    /** The first line typed; null for Ctrl-D (end of input) or a terminal that went away. */
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final CountDownLatch drawn = new CountDownLatch(1);
    private boolean closed;

    private EarlyPrompt(Terminal terminal, Path history) {
        this.terminal = terminal;
        // The options the shell's own reader has: its history file, and no '!' history references
        // ('!=' is an operator of expect).
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("navemu")
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /**
     * Draws the banner and the prompt on the system terminal and reads the first line on a thread
     * of its own; returns once the prompt is drawn. Null when there is no real terminal to draw on.
     */
    static EarlyPrompt draw(Path home) {
        Terminal terminal = nativeTerminal();
        return terminal == null ? null : drawOn(terminal, home.resolve("history"));
    }

    /** Draws the prompt on {@code terminal} (a test's) and reads the first line. */
    static EarlyPrompt drawOn(Terminal terminal, Path history) {
        EarlyPrompt prompt = new EarlyPrompt(terminal, history);
        prompt.start();
        return prompt;
    }

    private void start() {
        // Called on the reading thread as the first readLine begins; it takes itself away there,
        // before the first line is handed over and the shell reads on with the same reader.
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            reader.getWidgets().remove(LineReader.CALLBACK_INIT);
            drawn.countDown();
            return true;
        });
        terminal.writer().println(new AttributedString(BANNER, AttributedStyle.DEFAULT.faint()).toAnsi(terminal));
        terminal.flush();
        Thread thread = new Thread(this::readFirstLine, "navemu-first-line");
        thread.setDaemon(true);
        thread.start();
        try {
            drawn.await(DRAW_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readFirstLine() {
        try {
            while (!firstLine.isDone()) {
                try {
                    firstLine.complete(reader.readLine(PROMPT));
                } catch (UserInterruptException clearLine) {
                    // Ctrl-C at the prompt clears the line, as it does in the shell.
                }
            }
        } catch (IOError | RuntimeException leave) {
            // Ctrl-D (EndOfFileException), or the terminal closed under the reader.
            firstLine.complete(null);
        }
    }

    LineReader reader() {
        return reader;
    }

    /** The first line, once typed; null when the input ended (Ctrl-D) instead. */
    Future<String> firstLine() {
        return firstLine;
    }

    /** Gives the terminal back (its original mode restored); a first line still being read ends. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        firstLine.complete(null);
        try {
            terminal.close();
        } catch (IOException e) {
            // The process is leaving: nothing more can be done for the terminal.
        }
    }

    /**
     * The system terminal from JLine's native library, or null when it cannot be had or stdin is
     * not a terminal. As the shell does for its own terminal: the native provider alone, so that
     * JLine does not fork {@code test -t 1} or try providers that cannot load here.
     */
    private static Terminal nativeTerminal() {
        try {
            Terminal terminal = TerminalBuilder.builder().name("navemu").system(true)
                    .provider(TerminalBuilder.PROP_PROVIDER_JNI).dumb(false).build();
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                terminal.close();
                return null;
            }
            return terminal;
        } catch (IOException | RuntimeException | LinkageError noNativeTerminal) {
            return null;
        }
    }
}
