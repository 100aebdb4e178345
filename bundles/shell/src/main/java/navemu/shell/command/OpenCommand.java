package navemu.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import navemu.api.result.NavigationResult;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.HumanRenderer;

/** {@code open URL}: one navigation through the active composition, shown live and summed up. */
public final class OpenCommand implements Command {

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String usage() {
        return "open [--compact|--full] URL";
    }

    @Override
    public String summary() {
        return "navigate to URL through the active slots and show every step (--compact: one line per redirect hop,"
                + " automatic above " + HumanRenderer.COMPACT_ABOVE_HOPS + " hops; --full: every hop's steps)";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        List<String> args = new ArrayList<>(line.args());
        Boolean compact = args.remove("--compact") ? Boolean.TRUE : args.remove("--full") ? Boolean.FALSE : null;
        if (args.size() != 1) {
            throw new UsageException("open takes exactly one URL (and --compact or --full)");
        }
        UrlArgument.check(args.get(0), session);
        NavigationResult result = session.navigate(args.get(0), Map.of());
        if (compact == null || session.json()) {
            session.show(result);
        } else {
            new HumanRenderer().render(result, session.console().width(), compact).forEach(session.console()::out);
        }
        return CommandResult.DONE;
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        return index == 0 || index == 1 && before.size() == 1 && before.get(0).startsWith("--") ? labUrls(session) : List.of();
    }

    /** The lab's site URLs, for completing a URL argument. */
    static List<String> labUrls(Session session) {
        return session.labSites().map(lab -> lab.sites().stream().map(site -> site.url()).toList()).orElse(List.of());
    }
}
