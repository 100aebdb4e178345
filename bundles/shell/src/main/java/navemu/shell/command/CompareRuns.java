package navemu.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jline.utils.AttributedString;

import navemu.api.Slot;
import navemu.api.nav.NavigationScope;
import navemu.api.result.NavigationResult;
import navemu.shell.render.ComparedSide;
import navemu.shell.render.Style;

/**
 * Runs the two sides of a {@code compare} the way a fair measurement does: first a warm-up
 * navigation per side, discarded (class loading, JIT, the lab's first connections), then
 * {@code runs} rounds of left then right, so both sides meet the machine in the same state.
 * What the runs keep between them is {@link CompareOptions#keep()}'s: by default every run,
 * warm-up included, gets a new {@link NavigationScope}, so no run resumes a session or reuses a
 * DNS answer of another run, of the other side, or of the shell.
 */
final class CompareRuns {

    /** One side to run: its label and its slot changes. */
    record Side(String name, String label, Map<Slot, String> changes) {
    }

    private final Session session;
    private final CompareOptions options;

    CompareRuns(Session session, CompareOptions options) {
        this.session = session;
        this.options = options;
    }

    /** Runs both sides; returns the left side's timed runs, then the right side's. */
    List<ComparedSide> run(String url, Side left, Side right) throws CommandException {
        List<Side> sides = List.of(left, right);
        List<NavigationScope> sideScopes = List.of(NavigationScope.isolated(left.name()),
                NavigationScope.isolated(right.name()));
        List<List<NavigationResult>> timed = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round <= options.runs(); round++) {
            boolean warmUp = round == 0;
            for (int i = 0; i < sides.size(); i++) {
                Side side = sides.get(i);
                announce(side, warmUp ? "warm-up, not counted" : "run " + round + " of " + options.runs());
                NavigationResult result = session.navigate(url, side.changes(), scope(side, sideScopes.get(i)), !warmUp);
                if (!warmUp) {
                    timed.get(i).add(result);
                }
            }
        }
        return List.of(new ComparedSide(left.label(), timed.get(0)), new ComparedSide(right.label(), timed.get(1)));
    }

    /** The scope of one run: a new one (the default), the side's own (--warm), or none (--shared). */
    private NavigationScope scope(Side side, NavigationScope sideScope) {
        return switch (options.keep()) {
            case NOTHING -> NavigationScope.isolated(side.name());
            case SIDE -> sideScope;
            case SHARED -> null;
        };
    }

    /** In the live view, says which side and run the steps that follow belong to. */
    private void announce(Side side, String run) {
        if (!session.json() && session.console().live()) {
            session.console().out(new AttributedString(side.name() + " (" + run + "): " + side.label(), Style.DIM));
        }
    }
}
