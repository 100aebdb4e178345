package navemu.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import navemu.api.Slot;
import navemu.api.nav.Composition;
import navemu.shell.parse.CommandLine;
import navemu.shell.render.ComparedSide;
import navemu.shell.render.CompareRenderer;

/**
 * {@code compare URL [CHANGES] vs CHANGES}: the same URL under two compositions, as DESIGN.md
 * defines it. Each side is the current composition with its {@code slot=impl} changes; with one
 * side only ({@code compare URL tls=jsse}), the current composition faces the changed one.
 * Each side gets a discarded warm-up, then {@code -n} alternating runs (see {@link CompareRuns}),
 * each in its own DNS cache and session store unless {@code --warm} or {@code --shared} says
 * otherwise ({@link CompareOptions}); times are medians and the output says how they were measured.
 * The right side runs last, so {@code expect} afterwards checks the right side's last run.
 */
public final class CompareCommand implements Command {
    static final String VERSUS = "vs";

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String usage() {
        return "compare [-n RUNS] [--warm|--shared] URL [SLOT=IMPL…] vs SLOT=IMPL…";
    }

    @Override
    public String summary() {
        return "run URL under two compositions and show both traces side by side";
    }

    /** The two sides' changes, as read from the words after the URL. */
    record Sides(Map<Slot, String> left, Map<Slot, String> right) {
    }

    static Sides sides(List<String> words) throws UsageException {
        int versus = words.indexOf(VERSUS);
        if (versus < 0) {
            if (words.isEmpty()) {
                throw new UsageException("compare needs changes to compare with, e.g. 'compare URL tls=jsse'");
            }
            return new Sides(Map.of(), SlotArguments.changes(words));
        }
        if (words.lastIndexOf(VERSUS) != versus) {
            throw new UsageException("'vs' may appear only once");
        }
        List<String> right = words.subList(versus + 1, words.size());
        if (right.isEmpty()) {
            throw new UsageException("nothing after 'vs': name the changes of the right side, e.g. 'vs hsts=off'");
        }
        return new Sides(SlotArguments.changes(words.subList(0, versus)), SlotArguments.changes(right));
    }

    @Override
    public CommandResult run(CommandLine line, Session session) throws UsageException, CommandException {
        CompareOptions options = CompareOptions.parse(line.args());
        List<String> words = options.words();
        if (words.isEmpty()) {
            throw new UsageException("compare needs a URL");
        }
        String url = words.get(0);
        UrlArgument.check(url, session);
        Sides sides = sides(words.subList(1, words.size()));
        Composition composition = session.composition();
        for (Map<Slot, String> side : List.of(sides.left(), sides.right())) {
            for (Map.Entry<Slot, String> change : side.entrySet()) {
                SlotArguments.requireRegistered(composition, change.getKey(), change.getValue());
            }
        }
        List<ComparedSide> measured = new CompareRuns(session, options).run(url,
                new CompareRuns.Side("left", label(sides.left()), sides.left()),
                new CompareRuns.Side("right", label(sides.right()), sides.right()));
        ComparedSide left = measured.get(0);
        ComparedSide right = measured.get(1);
        if (session.json()) {
            session.show(left.representative());
            session.show(right.representative());
            session.report(options.howMeasured());
        } else {
            new CompareRenderer().render(left, right, options.howMeasured(), session.console().width())
                    .forEach(session.console()::out);
        }
        return CommandResult.DONE;
    }

    static String label(Map<Slot, String> changes) {
        if (changes.isEmpty()) {
            return "current composition";
        }
        List<String> words = new ArrayList<>();
        changes.forEach((slot, impl) -> words.add(slot.key() + "=" + impl));
        return String.join(" ", words);
    }

    @Override
    public List<String> complete(int index, List<String> before, Session session) {
        if (index == 0) {
            return OpenCommand.labUrls(session);
        }
        List<String> candidates = new ArrayList<>();
        if (!before.subList(1, before.size()).contains(VERSUS)) {
            candidates.add(VERSUS);
        }
        candidates.addAll(List.of("-n", "--warm", "--shared"));
        session.services().composition().ifPresent(composition -> {
            for (Slot slot : Slot.values()) {
                for (String impl : composition.implementations(slot)) {
                    candidates.add(slot.key() + "=" + impl);
                }
            }
        });
        return candidates;
    }
}
