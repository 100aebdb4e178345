package navemu.shell.command;

import java.util.List;
import java.util.Optional;

import org.jline.utils.AttributedStringBuilder;

import navemu.shell.parse.CommandLine;
import navemu.shell.render.Style;

/** {@code help [COMMAND]}: every command with one line, or one command's usage. */
public final class HelpCommand implements Command {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [COMMAND]";
    }

    @Override
    public String summary() {
        return "list the commands, or show how to call one";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException {
        if (line.args().size() > 1) {
            throw new UsageException("help takes at most one command name");
        }
        if (line.args().size() == 1) {
            Optional<Command> command = session.registry().find(line.arg(0));
            if (command.isEmpty()) {
                throw new UsageException("no command called '" + line.arg(0) + "'");
            }
            print(session, command.get(), 0);
            for (String detail : command.get().details(session)) {
                session.console().out("    " + detail);
            }
            return CommandResult.DONE;
        }
        int width = 0;
        for (Command command : session.registry().all()) {
            if (command.usage().length() <= USAGE_COLUMN) {
                width = Math.max(width, command.usage().length());
            }
        }
        for (Command command : session.registry().all()) {
            print(session, command, width);
        }
        return CommandResult.DONE;
    }

    /** Usages longer than this get a line of their own, so one long usage does not push every summary aside. */
    static final int USAGE_COLUMN = 30;

    private static void print(Session session, Command command, int width) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        if (width > 0 && command.usage().length() > width) {
            session.console().out(new AttributedStringBuilder().style(Style.NAME).append("  " + command.usage())
                    .toAttributedString());
            session.console().out("  " + " ".repeat(width) + "  " + command.summary());
            return;
        }
        line.style(Style.NAME).append(String.format("  %-" + Math.max(1, width) + "s", command.usage()))
                .style(Style.PLAIN).append("  ").append(command.summary());
        session.console().out(line.toAttributedString());
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        return index == 0 ? session.registry().names() : List.of();
    }
}
