package navemu.shell.command;

import java.util.List;

import org.jline.utils.AttributedStringBuilder;

import navemu.api.lab.LabSite;
import navemu.api.lab.LabSites;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.Style;

/** {@code lab}: the lab world's sites, what each tests and what a strict browser gets. */
public final class LabCommand implements Command {

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public String usage() {
        return "lab";
    }

    @Override
    public String summary() {
        return "list the lab sites, what each tests and the error a strict client gets";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (!line.args().isEmpty()) {
            throw new UsageException("lab takes no arguments");
        }
        LabSites lab = session.labSites().orElseThrow(() -> new CommandException(
                "the lab is not running (no LabSites service): is the navemu-lab bundle active? (see 'bundles')"));
        List<LabSite> sites = lab.sites();
        if (sites.isEmpty()) {
            session.console().out("the lab has no sites");
        }
        int urlWidth = 0;
        int outcomeWidth = "loads".length();
        int serverWidth = 0;
        int protocolsWidth = 0;
        for (LabSite site : sites) {
            protocolsWidth = Math.max(protocolsWidth, String.join(",", site.protocols()).length());
            urlWidth = Math.max(urlWidth, site.url().length());
            serverWidth = Math.max(serverWidth, String.valueOf(site.server()).length());
            outcomeWidth = Math.max(outcomeWidth, site.expectedError() == null ? 0 : site.expectedError().length());
        }
        for (LabSite site : sites) {
            session.console().out(new AttributedStringBuilder()
                    .style(Style.NAME).append(String.format("%-" + urlWidth + "s", site.url())).style(Style.PLAIN)
                    .append(String.format(" %-" + serverWidth + "s", site.server()))
                    .append(String.format(" %-" + protocolsWidth + "s", String.join(",", site.protocols())))
                    .style(site.expectedError() == null ? Style.GOOD : Style.BAD)
                    .append(String.format(" %-" + outcomeWidth + "s", site.expectedError() == null ? "loads" : site.expectedError()))
                    .style(Style.PLAIN).append(" ").append(String.valueOf(site.purpose()))
                    .style(Style.DIM).append("  port " + site.port()).style(Style.PLAIN)
                    .toAttributedString());
        }
        return CommandResult.DONE;
    }
}
