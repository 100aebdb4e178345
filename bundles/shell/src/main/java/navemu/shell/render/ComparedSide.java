package navemu.shell.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import navemu.api.result.NavigationResult;

/**
 * One side of a {@code compare}: its label and its timed runs (the warm-up is not among them).
 * Its time is the median of the runs' total times; the run it shows step by step is the one
 * whose time is that median (for an even count, the faster of the two middle ones).
 */
public record ComparedSide(String label, List<NavigationResult> runs) {

    public ComparedSide {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a compared side needs at least one run");
        }
        runs = List.copyOf(runs);
    }

    public double medianMs() {
        return Median.of(runs.stream().map(r -> r.totalMs).toList());
    }

    public double fastestMs() {
        return runs.stream().mapToDouble(r -> r.totalMs).min().orElseThrow();
    }

    public double slowestMs() {
        return runs.stream().mapToDouble(r -> r.totalMs).max().orElseThrow();
    }

    /** The run shown step by step: the one at the median position of the runs ordered by time. */
    public NavigationResult representative() {
        List<NavigationResult> byTime = new ArrayList<>(runs);
        byTime.sort(Comparator.comparingDouble(r -> r.totalMs));
        return byTime.get((byTime.size() - 1) / 2);
    }

    /** How many runs ended each way ({@code ok}, or the error), in the order first seen. */
    public Map<String, Integer> outcomes() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NavigationResult run : runs) {
            counts.merge(run.ok ? "ok" : String.valueOf(run.error), 1, Integer::sum);
        }
        return counts;
    }
}
