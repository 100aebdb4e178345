package navemu.shell.command;

import navemu.shell.parse.CommandLine;

/** {@code quit} (or {@code exit}, or Ctrl-D): leaves the shell. */
public final class QuitCommand implements Command {

    @Override
    public String name() {
        return "quit";
    }

    @Override
    public String usage() {
        return "quit";
    }

    @Override
    public String summary() {
        return "leave the shell (also: exit, Ctrl-D)";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException {
        if (!line.args().isEmpty()) {
            throw new UsageException(line.name() + " takes no arguments");
        }
        return CommandResult.QUIT;
    }
}
