package navemu.shell.command;

import java.util.List;
import java.util.Map;

import navemu.shell.parse.CommandLine;

/**
 * {@code open [-X METHOD] [-H 'Name: value']… [-d DATA] URL}: one navigation through the active
 * composition, shown live and summed up; the options shape its first request as curl's do
 * ({@link RequestArguments}).
 */
public final class OpenCommand implements Command {

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String usage() {
        return "open [-X METHOD] [-H 'Name: value']… [-d DATA|@FILE] URL";
    }

    @Override
    public String summary() {
        return "navigate to URL through the active slots and show every step (-X -H -d as in curl)";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        RequestArguments request = RequestArguments.parse(line.args());
        UrlArgument.check(request.url(), session);
        session.show(session.navigate(request.url(), Map.of(), request.options()));
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
