package navemu.shell.command;

import java.util.List;
import java.util.Optional;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.shell.parse.CommandLine;
import navemu.shell.parse.CommandParser;
import navemu.shell.parse.ParseException;
import navemu.shell.render.Style;

/**
 * Runs one line of commands and turns every way a command can end — an expectation, a usage
 * mistake, an error, an unexpected exception — into a message naming where it came from
 * ({@code tour.nav:3: …}). Nothing a command does can take the shell down.
 */
public final class Dispatcher {
    private final Session session;
    private final CommandParser parser = new CommandParser();

    public Dispatcher(Session session) {
        this.session = session;
    }

    /**
     * @param where the line's origin for messages ({@code tour.nav:3}, {@code -c:1}), or null
     *              in the interactive shell
     */
    public Tally execute(String text, String where) {
        Tally tally = new Tally();
        List<CommandLine> commands;
        try {
            commands = parser.parse(text);
        } catch (ParseException e) {
            problem(where, text.strip(), e.getMessage());
            tally.add(new Check(where, text.strip(), Check.Kind.USAGE_ERROR, e.getMessage()));
            return tally;
        }
        for (CommandLine command : commands) {
            runOne(command, where, tally);
            if (tally.quitRequested()) {
                break;
            }
        }
        return tally;
    }

    private void runOne(CommandLine line, String where, Tally tally) {
        Optional<Command> command = session.registry().find(line.name());
        if (command.isEmpty()) {
            usageError(where, line, tally, "unknown command '" + line.name() + "'; type 'help' to list the commands");
            return;
        }
        CommandResult result;
        try {
            result = command.get().run(line, session);
        } catch (UsageException e) {
            usageError(where, line, tally, e.getMessage() + " (usage: " + command.get().usage() + ")");
            return;
        } catch (CommandException e) {
            error(where, line, tally, e.getMessage());
            return;
        } catch (RuntimeException | LinkageError e) {
            // A bug or a service that went away mid-command: say what it was, keep the shell.
            error(where, line, tally, "failed unexpectedly: " + e);
            return;
        }
        switch (result.outcome()) {
            case EXPECT_HELD:
                tally.add(new Check(where, line.text(), Check.Kind.HELD, result.message()));
                session.report(styled(where, Style.GOOD, result.message()));
                break;
            case EXPECT_FAILED:
                tally.add(new Check(where, line.text(), Check.Kind.FAILED, result.message()));
                session.report(styled(where, Style.BAD, result.message()));
                break;
            case FAILED:
                error(where, line, tally, result.message());
                return;
            case QUIT:
                tally.quit();
                return;
            default:
                session.last().filter(last -> isNavigation(line) && !last.ok).ifPresent(last -> tally.failedNavigation());
                break;
        }
        record(line, where, tally);
    }

    /** Hands the command to the recorder in force; a recorder that cannot write is stopped, saying why. */
    private void record(CommandLine line, String where, Tally tally) {
        Optional<CommandLog> log = session.commandLog();
        if (log.isEmpty()) {
            return;
        }
        try {
            log.get().ran(line, isNavigation(line) ? session.last() : Optional.empty());
        } catch (RuntimeException e) {
            session.commandLog(null);
            error(where, line, tally, "the recording stopped: " + e.getMessage());
        }
    }

    private void usageError(String where, CommandLine line, Tally tally, String message) {
        problem(where, line.text(), message);
        tally.add(new Check(where, line.text(), Check.Kind.USAGE_ERROR, message));
    }

    private void error(String where, CommandLine line, Tally tally, String message) {
        problem(where, line.text(), message);
        tally.add(new Check(where, line.text(), Check.Kind.ERROR, message));
    }

    private static boolean isNavigation(CommandLine line) {
        return line.name().equals("open") || line.name().equals("compare");
    }

    private void problem(String where, String text, String message) {
        session.console().err(styled(where, Style.BAD, text + ": " + message));
    }

    private static AttributedString styled(String where, org.jline.utils.AttributedStyle style, String message) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        if (where != null) {
            line.append(where).append(": ");
        }
        return line.style(style).append(message).style(Style.PLAIN).toAttributedString();
    }
}
