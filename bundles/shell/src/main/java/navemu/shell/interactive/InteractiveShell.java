package navemu.shell.interactive;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import navemu.shell.PendingStart;
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
    /** Also the launcher's, which draws the same banner and prompt when it draws them before the framework. */
    static final String BANNER = "navemu — type 'help' for the commands, Ctrl-D to leave";

    private final ShellServices services;
    private final PendingStart pendingStart;
    private final LauncherPrompt launcherPrompt;
    private final boolean json;
    private final PrintStream err;

    /** {@code pendingStart}: the bundles still starting while the prompt shows ({@link PendingStart#NONE} if none). */
    public InteractiveShell(ShellServices services, PendingStart pendingStart, boolean json, PrintStream err) {
        this(services, pendingStart, null, json, err);
    }

    /** {@code launcherPrompt}: the prompt the launcher drew before the framework, or null if it drew none. */
    public InteractiveShell(ShellServices services, PendingStart pendingStart, LauncherPrompt launcherPrompt, boolean json,
            PrintStream err) {
        this.services = services;
        this.pendingStart = pendingStart;
        this.launcherPrompt = launcherPrompt;
        this.json = json;
        this.err = err;
    }

    /**
     * Runs on the launcher's prompt when it drew one, else on the system terminal, or a dumb one
     * when stdin is not a terminal (commands piped in).
     */
    public int run() throws IOException {
        if (launcherPrompt != null) {
            return run(launcherPrompt); // the terminal is the launcher's, and the launcher closes it
        }
        try (Terminal terminal = systemTerminal()) {
            PromptTiming.mark("terminal built (" + terminal.getClass().getSimpleName() + ")");
            return run(terminal);
        }
    }

    /**
     * Takes over the prompt the launcher drew before the framework: its reader gets the shell's
     * completion, its first line is the first command, and the bundles still to start start now,
     * since the prompt is already there. Its banner, history file and options are the launcher's,
     * the same as {@link #run(Terminal)} sets.
     */
    int run(LauncherPrompt prompt) {
        LineReader reader = prompt.reader();
        Session session = newSession(reader.getTerminal());
        ((LineReaderImpl) reader).setCompleter(new ShellCompleter(session));
        PromptTiming.mark("launcher's prompt taken over");
        beginStart(reader, false);
        return readAndRun(session, reader, prompt, false);
    }

    /**
     * Runs on {@code terminal} until quit or end of input. Returns 0 for a person at a terminal;
     * for commands piped in (a dumb terminal) the exit status a script would have, so that
     * {@code navemu < commands.txt} can be judged like {@code --script}.
     */
    public int run(Terminal terminal) {
        Session session = newSession(terminal);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("navemu")
                .completer(new ShellCompleter(session))
                .variable(LineReader.HISTORY_FILE, historyFile(session))
                // '!' is part of '!=' in expect, not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        PromptTiming.mark("line reader built");
        session.console().out(new AttributedString(BANNER, AttributedStyle.DEFAULT.faint()));
        boolean piped = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        // Once the prompt is drawn, the other bundles start.
        beginStartAtFirstDraw(reader, () -> beginStart(reader, piped));
        PromptTiming.mark("banner shown");
        return readAndRun(session, reader, null, piped);
    }

    private Session newSession(Terminal terminal) {
        Session session = new Session(services, new TerminalConsole(terminal), json, ShellCommands.create());
        NssKeyLogFile.fromEnvironment(session, err);
        PromptTiming.mark("session built");
        return session;
    }

    /** Starts the bundles still to start; then says what their start had to say, and warms up in the background. */
    private void beginStart(LineReader reader, boolean piped) {
        pendingStart.begin(lines -> {
            lines.forEach(line -> sayAbovePrompt(reader, piped, line));
            PromptWarmup.start(services);
        });
    }

    /**
     * Reads commands and runs them until quit or end of input; the first from {@code prompt} when
     * the launcher read it.
     */
    private int readAndRun(Session session, LineReader reader, LauncherPrompt prompt, boolean piped) {
        Terminal terminal = reader.getTerminal();
        Dispatcher dispatcher = new Dispatcher(session);
        Tally total = new Tally();
        boolean firstFromLauncher = prompt != null;
        if (!firstFromLauncher) {
            handleCtrlC(terminal, session);
        }
        while (true) {
            String line;
            if (firstFromLauncher) {
                firstFromLauncher = false;
                line = prompt.firstLine();
                if (line == null) {
                    break;
                }
                // Only now: the launcher's readLine put back, as it ended, the handler it found.
                handleCtrlC(terminal, session);
            } else {
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException clearLine) {
                    continue;
                } catch (EndOfFileException leave) {
                    break;
                }
            }
            pendingStart.await(); // no command runs on half-started components
            Tally tally = dispatcher.execute(line, null);
            total.add(tally);
            if (tally.quitRequested()) {
                break;
            }
        }
        pendingStart.await(); // the launcher stops the framework next: not while bundles start
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            err.println("navemu: could not save the history: " + e.getMessage());
        }
        return piped ? total.exitStatus() : 0;
    }

    /** Outside readLine the terminal delivers Ctrl-C here: cancel the navigation in flight. */
    private static void handleCtrlC(Terminal terminal, Session session) {
        terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
    }

    /**
     * A line from the start, said on stderr as the launcher says it; at a terminal above the prompt,
     * which JLine draws again below it, so the line being typed is not broken.
     */
    private void sayAbovePrompt(LineReader reader, boolean piped, String line) {
        if (piped) {
            err.println(line);
        } else {
            reader.printAbove(line);
        }
    }

    /**
     * Runs {@code begin} when the first readLine is about to draw the prompt (history loaded, raw
     * mode on), and with timing on marks that moment.
     */
    private static void beginStartAtFirstDraw(LineReader reader, Runnable begin) {
        boolean[] drawn = {false};
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            if (!drawn[0]) {
                drawn[0] = true;
                PromptTiming.mark("prompt drawing");
                begin.run();
            }
            return true;
        });
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
