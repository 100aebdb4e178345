package navemu.shell.osgi;

import org.jline.utils.AttributedStringBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import navemu.shell.command.Command;
import navemu.shell.command.CommandException;
import navemu.shell.command.CommandResult;
import navemu.shell.command.Session;
import navemu.shell.command.UsageException;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.Style;

/** {@code bundles}: every bundle with its id, state, symbolic name and version. */
public final class BundlesCommand implements Command {

    @Override
    public String name() {
        return "bundles";
    }

    @Override
    public String usage() {
        return "bundles";
    }

    @Override
    public String summary() {
        return "list the OSGi bundles: id, state, symbolic name, version";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (!line.args().isEmpty()) {
            throw new UsageException("bundles takes no arguments");
        }
        BundleContext context = Lifecycle.context(session);
        for (Bundle bundle : context.getBundles()) {
            String state = BundleFinder.state(bundle);
            session.console().out(new AttributedStringBuilder()
                    .append(String.format("%4d  ", bundle.getBundleId()))
                    .style(bundle.getState() == Bundle.ACTIVE ? Style.GOOD : Style.CHANGED)
                    .append(String.format("%-11s", state)).style(Style.PLAIN)
                    .append(" ").append(String.valueOf(bundle.getSymbolicName()))
                    .style(Style.DIM).append(" " + bundle.getVersion()).style(Style.PLAIN)
                    .toAttributedString());
        }
        return CommandResult.DONE;
    }
}
