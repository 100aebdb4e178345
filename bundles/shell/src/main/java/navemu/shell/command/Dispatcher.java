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
            tally.usageError();
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
            problem(where, line.text(), "unknown command '" + line.name() + "'; type 'help' to list the commands");
            tally.usageError();
            return;
        }
        CommandResult result;
        try {
            result = command.get().run(line, session);
        } catch (UsageException e) {
            problem(where, line.text(), e.getMessage() + " (usage: " + command.get().usage() + ")");
            tally.usageError();
            return;
        } catch (CommandException e) {
            problem(where, line.text(), e.getMessage());
            tally.error();
            return;
        } catch (RuntimeException | LinkageError e) {
            // A bug or a service that went away mid-command: say what it was, keep the shell.
            problem(where, line.text(), "failed unexpectedly: " + e);
            tally.error();
            return;
        }
        switch (result.outcome()) {
            case EXPECT_HELD:
                tally.held();
                session.report(styled(where, Style.GOOD, result.message()));
                break;
            case EXPECT_FAILED:
                tally.failed();
                session.report(styled(where, Style.BAD, result.message()));
                break;
            case FAILED:
                tally.error();
                problem(where, line.text(), result.message());
                break;
            case QUIT:
                tally.quit();
                break;
            default:
                session.last().filter(last -> isNavigation(line) && !last.ok).ifPresent(last -> tally.failedNavigation());
                break;
        }
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
