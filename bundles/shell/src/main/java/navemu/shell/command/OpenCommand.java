package navemu.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import navemu.api.nav.ConnectionReuse;
import navemu.api.result.NavigationResult;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.HumanRenderer;

/**
 * {@code open [-X METHOD] [-H 'Name: value']… [-d DATA] URL}: one navigation through the active
 * composition, shown live and summed up; the options shape its first request as curl's do
 * ({@link RequestArguments}). Like a browser, it uses a connection an earlier request to the
 * origin left open; {@code --new-connection} makes a new one for every hop and closes it after.
 */
public final class OpenCommand implements Command {

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String usage() {
        return "open [--compact|--full] [-X METHOD] [-H 'Name: value']… [-d DATA|@FILE] [--new-connection] URL";
    }

    @Override
    public String summary() {
        return "navigate to URL through the active slots and show every step (-X -H -d as in curl; --compact: one line"
                + " per redirect hop, automatic above " + HumanRenderer.COMPACT_ABOVE_HOPS + " hops; --full: every hop's steps;"
                + " --new-connection: new DNS, TCP and TLS for every hop instead of reusing an open connection)";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        List<String> args = new ArrayList<>(line.args());
        Boolean compact = args.remove("--compact") ? Boolean.TRUE : args.remove("--full") ? Boolean.FALSE : null;
        ConnectionReuse connections = args.remove("--new-connection") ? ConnectionReuse.NEVER : ConnectionReuse.POOLED;
        RequestArguments request = RequestArguments.parse(args);
        UrlArgument.check(request.url(), session);
        NavigationResult result = session.navigate(request.url(), Map.of(), request.options(), connections);
        if (compact == null || session.json()) {
            session.show(result);
        } else {
            new HumanRenderer().render(result, session.console().width(), compact).forEach(session.console()::out);
        }
        return CommandResult.DONE;
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        boolean optionValue = !before.isEmpty() && List.of("-X", "--request", "-H", "--header", "-d", "--data")
                .contains(before.get(before.size() - 1));
        return optionValue ? List.of() : labUrls(session);
    }

    /** The lab's site URLs, for completing a URL argument. */
    static List<String> labUrls(Session session) {
        return session.labSites().map(lab -> lab.sites().stream().map(site -> site.url()).toList()).orElse(List.of());
    }
}
