package navemu.shell.interactive;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import navemu.shell.ShellServices;
import navemu.shell.ShellCommands;
import navemu.shell.command.Dispatcher;
import navemu.shell.command.Session;
import navemu.shell.command.Tally;
import navemu.shell.navigation.NssKeyLogFile;

/**
 * The interactive shell: prompt {@code navemu> }, history in {@code <navemu.home>/history}, TAB
 * completion, colours. Ctrl-C at the prompt clears the line; Ctrl-C while a navigation runs
 * cancels it and comes back to the prompt; Ctrl-D (or {@code quit}) leaves.
 */
public final class InteractiveShell {
    static final String PROMPT = "navemu> ";

    private final ShellServices services;
    private final boolean json;
    private final PrintStream err;

    public InteractiveShell(ShellServices services, boolean json, PrintStream err) {
        this.services = services;
        this.json = json;
        this.err = err;
    }

    /** Runs on the system terminal, or a dumb one when stdin is not a terminal (commands piped in). */
    public int run() throws IOException {
        try (Terminal terminal = systemTerminal()) {
            PromptTiming.mark("terminal built (" + terminal.getClass().getSimpleName() + ")");
            return run(terminal);
        }
    }

    /**
     * Runs on {@code terminal} until quit or end of input. Returns 0 for a person at a terminal;
     * for commands piped in (a dumb terminal) the exit status a script would have, so that
     * {@code navemu < commands.txt} can be judged like {@code --script}.
     */
    public int run(Terminal terminal) {
        Session session = new Session(services, new TerminalConsole(terminal), json, ShellCommands.create());
        NssKeyLogFile.fromEnvironment(session, err);
        PromptTiming.mark("session built");
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("navemu")
                .completer(new ShellCompleter(session))
                .variable(LineReader.HISTORY_FILE, historyFile(session))
                // '!' is part of '!=' in expect, not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        PromptTiming.mark("line reader built");
        markFirstDraw(reader);
        // Outside readLine the terminal delivers Ctrl-C here: cancel the navigation in flight.
        terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
        Dispatcher dispatcher = new Dispatcher(session);
        Tally total = new Tally();
        session.console().out(new AttributedString("navemu — type 'help' for the commands, Ctrl-D to leave",
                AttributedStyle.DEFAULT.faint()));
        PromptWarmup.start(services); // in the background, while the prompt shows
        PromptTiming.mark("banner shown, warm-ups started");
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException clearLine) {
                continue;
            } catch (EndOfFileException leave) {
                break;
            }
            Tally tally = dispatcher.execute(line, null);
            total.add(tally);
            if (tally.quitRequested()) {
                break;
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            err.println("navemu: could not save the history: " + e.getMessage());
        }
        boolean piped = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        return piped ? total.exitStatus() : 0;
    }

    /** With timing on: a mark when the first readLine is about to draw the prompt (history loaded, raw mode on). */
    private static void markFirstDraw(LineReader reader) {
        if (PromptTiming.enabled()) {
            boolean[] marked = {false};
            reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
                if (!marked[0]) {
                    marked[0] = true;
                    PromptTiming.mark("prompt drawing");
                }
                return true;
            });
        }
    }

    private static Path historyFile(Session session) {
        Path home = session.home();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            // JLine then reports it cannot write the history; the shell works without one.
        }
        return home.resolve("history");
    }

    /**
     * The system terminal, from JLine's own native library when it loads (its {@code jni}
     * provider), else as JLine picks by default, which falls back to a dumb terminal when stdin is
     * not a terminal. By default JLine also loads its {@code exec} provider, which forks
     * {@code test -t 1} just to be loaded, and three providers that cannot load here (ffm needs Java
     * 22, jansi and jna their libraries): the native one alone gives the same terminal without them.
     * When it gives none (commands piped in, no native library for this system) the default
     * choice runs as before, so a piped or unusual terminal gets exactly what it got.
     *
     * <p>JLine finds its terminal providers through the thread's context class loader; inside OSGi
     * that must be JLine's own bundle class loader, or only a dumb terminal is found.
     */
    static Terminal systemTerminal() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TerminalBuilder.class.getClassLoader());
        try {
            try {
                return TerminalBuilder.builder().name("navemu").system(true)
                        .provider(TerminalBuilder.PROP_PROVIDER_JNI).dumb(false).build();
            } catch (IOException | RuntimeException | LinkageError noNativeTerminal) {
                return TerminalBuilder.builder().name("navemu").system(true).dumb(true).build();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
