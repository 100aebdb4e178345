package navemu.shell.command;

import java.util.List;
import java.util.Map;

import org.jline.utils.AttributedStringBuilder;

import navemu.api.Slot;
import navemu.api.nav.Composition;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.Style;

/** {@code slots}: each slot, its implementations registered now, the active one marked, and what is wrong. */
public final class SlotsCommand implements Command {

    @Override
    public String name() {
        return "slots";
    }

    @Override
    public String usage() {
        return "slots";
    }

    @Override
    public String summary() {
        return "list the six slots, their implementations, the active one (*) and any problem";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (!line.args().isEmpty()) {
            throw new UsageException("slots takes no arguments");
        }
        Composition composition = session.composition();
        Map<Slot, String> active = composition.active();
        for (Slot slot : Slot.values()) {
            String chosen = active.get(slot);
            List<String> registered = composition.implementations(slot);
            AttributedStringBuilder row = new AttributedStringBuilder();
            row.style(Style.HEADING).append(String.format("%-8s", slot.key())).style(Style.PLAIN);
            for (String impl : registered) {
                if (impl.equals(chosen)) {
                    row.style(Style.GOOD).append("*" + impl).style(Style.PLAIN).append("  ");
                } else {
                    row.append(impl).append("  ");
                }
            }
            if (!registered.contains(chosen)) {
                row.style(Style.BAD).append("*" + chosen + " (not registered)").style(Style.PLAIN);
            }
            session.console().out(row.toAttributedString());
            composition.problem(slot).ifPresent(problem -> session.console().out(new AttributedStringBuilder()
                    .append("        ").style(Style.BAD).append("! " + problem).style(Style.PLAIN).toAttributedString()));
        }
        return CommandResult.DONE;
    }
}
