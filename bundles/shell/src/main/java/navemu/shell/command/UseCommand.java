package navemu.shell.command;

import java.util.List;
import java.util.Map;

import navemu.api.Slot;
import navemu.api.nav.Composition;
import navemu.shell.parse.CommandLine;

/**
 * {@code use SLOT IMPL}: makes IMPL the active implementation of SLOT for later navigations.
 * {@code use} alone shows the composition: each slot and its active implementation.
 */
public final class UseCommand implements Command {

    @Override
    public String name() {
        return "use";
    }

    @Override
    public String usage() {
        return "use [SLOT IMPL]";
    }

    @Override
    public String summary() {
        return "make IMPL the active implementation of SLOT (e.g. use tls jsse); alone, show the active ones";
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        if (line.args().isEmpty()) {
            showComposition(session.composition(), session);
            return CommandResult.DONE;
        }
        if (line.args().size() != 2) {
            throw new UsageException("use takes a slot and an implementation");
        }
        Slot slot = SlotArguments.slot(line.arg(0));
        String impl = line.arg(1);
        Composition composition = session.composition();
        String before = composition.active().get(slot);
        SlotArguments.requireRegistered(composition, slot, impl);
        try {
            composition.use(slot, impl);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        session.report(slot.key() + ": " + impl + (impl.equals(before) ? " (unchanged)" : " (was " + before + ")"));
        return CommandResult.DONE;
    }

    /** One line per slot, in the order a navigation meets them: {@code hsts     memory}. */
    private static void showComposition(Composition composition, Session session) {
        Map<Slot, String> active = composition.active();
        for (Slot slot : Slot.values()) {
            session.console().out(String.format("%-8s %s", slot.key(), active.getOrDefault(slot, "(none)")));
        }
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        if (index == 0) {
            return SlotArguments.slotNames();
        }
        if (index == 1) {
            return Slot.fromKey(before.get(0))
                    .flatMap(slot -> session.services().composition().map(c -> c.implementations(slot)))
                    .orElse(List.of());
        }
        return List.of();
    }
}
