package navemu.shell;

import java.io.IOException;
import java.nio.file.Path;

import navemu.shell.command.Check;
import navemu.shell.command.CommandException;
import navemu.shell.command.Dispatcher;
import navemu.shell.command.Session;
import navemu.shell.command.Tally;
import navemu.shell.render.Style;
import navemu.shell.script.JUnitReport;
import navemu.shell.script.ScriptRunner;

import org.jline.utils.AttributedString;

/**
 * The shell without a terminal: runs the {@code -c} commands and {@code --script} files in the
 * order given, then prints the summary and returns the exit status (0 all held, 1 an
 * expectation failed or a command erred, 2 a usage error).
 */
public final class Batch {
    private final Session session;

    public Batch(Session session) {
        this.session = session;
    }

    public int run(LaunchOptions options) {
        session.jsonTrace(options.trace());
        ScriptRunner scripts = new ScriptRunner(session);
        // A script that is not there is a usage error: found out before anything runs.
        for (LaunchOptions.Source source : options.sources()) {
            if (source.script()) {
                try {
                    scripts.resolve(source.text());
                } catch (CommandException e) {
                    session.console().err("navemu: --script " + source.text() + ": " + e.getMessage());
                    return 2;
                }
            }
        }
        Tally total = new Tally();
        int commandNumber = 0;
        for (LaunchOptions.Source source : options.sources()) {
            if (source.script()) {
                try {
                    total.add(scripts.run(scripts.resolve(source.text()), source.text()));
                } catch (CommandException e) {
                    session.console().err("navemu: --script " + source.text() + ": " + e.getMessage());
                    total.add(new Check(source.text(), "--script " + source.text(), Check.Kind.ERROR, e.getMessage()));
                }
            } else {
                commandNumber++;
                total.add(new Dispatcher(session).execute(source.text(), "-c:" + commandNumber));
            }
            if (total.quitRequested()) {
                break;
            }
        }
        if (total.ranExpectations() || total.errorCount() > 0 || options.sources().stream().anyMatch(LaunchOptions.Source::script)) {
            session.report(new AttributedString(total.summary(), total.exitStatus() == 0 ? Style.GOOD : Style.BAD));
        }
        if (options.junit() != null) {
            try {
                JUnitReport.write(Path.of(options.junit()), "navemu", total.checks());
            } catch (IOException e) {
                session.console().err("navemu: --junit " + options.junit() + ": " + e.getMessage());
                return Math.max(1, total.exitStatus());
            }
        }
        return total.exitStatus();
    }
}
