package navemu.shell.command;

import java.util.List;
import java.util.Map;

import navemu.shell.parse.CommandLine;

/** {@code open URL}: one navigation through the active composition, shown live and summed up. */
public final class OpenCommand implements Command {

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String usage() {
        return "open URL";
    }

    @Override
    public String summary() {
        return "navigate to URL through the active slots and show every step";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().size() != 1) {
            throw new UsageException("open takes exactly one URL");
        }
        UrlArgument.check(line.arg(0), session);
        session.show(session.navigate(line.arg(0), Map.of()));
        return CommandResult.DONE;
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        return index == 0 ? labUrls(session) : List.of();
    }

    /** The lab's site URLs, for completing a URL argument. */
    static List<String> labUrls(Session session) {
        return session.labSites().map(lab -> lab.sites().stream().map(site -> site.url()).toList()).orElse(List.of());
    }
}
