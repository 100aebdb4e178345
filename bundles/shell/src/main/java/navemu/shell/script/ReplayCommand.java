package navemu.shell.script;

import java.nio.file.Path;

import navemu.shell.command.Command;
import navemu.shell.command.CommandException;
import navemu.shell.command.CommandResult;
import navemu.shell.command.Session;
import navemu.shell.command.Tally;
import navemu.shell.command.UsageException;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.Style;

import org.jline.utils.AttributedString;

/** {@code replay FILE}: runs a script inside the shell and reports per line, then {@code N passed, N failed}. */
public final class ReplayCommand implements Command {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String usage() {
        return "replay FILE";
    }

    @Override
    public String summary() {
        return "run a navigation script (one command a line, # comments) and report what held";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().size() != 1) {
            throw new UsageException("replay takes one script file");
        }
        ScriptRunner runner = new ScriptRunner(session);
        Path file = runner.resolve(line.arg(0));
        if (!session.enterReplay()) {
            throw new CommandException("scripts replay each other too deeply (more than 8 levels); is one replaying itself?");
        }
        Tally tally;
        try {
            tally = runner.run(file, line.arg(0));
        } finally {
            session.leaveReplay();
        }
        session.report(new AttributedString(tally.summary(), tally.exitStatus() == 0 ? Style.GOOD : Style.BAD));
        if (tally.exitStatus() != 0) {
            return CommandResult.failed("the script did not pass: " + tally.summary());
        }
        return CommandResult.DONE;
    }
}
