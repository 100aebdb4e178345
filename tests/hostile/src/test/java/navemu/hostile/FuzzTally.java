package navemu.hostile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The counts of a fuzzing run, and every outcome worth a look, with its seed. */
final class FuzzTally {
    private final String unit;
    private final Map<FuzzVerdict, Integer> counts = new EnumMap<>(FuzzVerdict.class);
    private final List<FuzzOutcome> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<FuzzOutcome> refusedWithoutContentChange = Collections.synchronizedList(new ArrayList<>());
    private int total;
    private int mutated;
    private int contentChanged;

    /** @param unit what is counted, e.g. {@code handshakes} or {@code resolutions} */
    FuzzTally(String unit) {
        this.unit = unit;
        for (FuzzVerdict v : FuzzVerdict.values()) {
            counts.put(v, 0);
        }
    }

    synchronized void add(FuzzOutcome outcome, boolean contentChanged) {
        total++;
        counts.merge(outcome.verdict(), 1, Integer::sum);
        if (outcome.mutation() != null) {
            mutated++;
            if (contentChanged) {
                this.contentChanged++;
            }
        }
        if (outcome.verdict() != FuzzVerdict.OK && outcome.verdict() != FuzzVerdict.REFUSED) {
            failures.add(outcome);
        } else if (outcome.verdict() == FuzzVerdict.REFUSED && !contentChanged) {
            refusedWithoutContentChange.add(outcome);
        }
    }

    /** Adds another run's counts (for a total over several clients). */
    synchronized void addAll(FuzzTally other) {
        synchronized (other) {
            total += other.total;
            mutated += other.mutated;
            contentChanged += other.contentChanged;
            other.counts.forEach((v, n) -> counts.merge(v, n, Integer::sum));
            failures.addAll(other.failures());
            refusedWithoutContentChange.addAll(other.refusedWithoutContentChange());
        }
    }

    synchronized int count(FuzzVerdict verdict) {
        return counts.get(verdict);
    }

    synchronized int total() {
        return total;
    }

    /** Cases where the mutation was applied (its target came), and of those, the ones that changed authenticated bytes. */
    synchronized int mutated() {
        return mutated;
    }

    synchronized int contentChanged() {
        return contentChanged;
    }

    /** The crashes, hangs and tampered connections accepted: each one a bug, with its seed. */
    List<FuzzOutcome> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * Connections refused although the proxy changed nothing or only re-framed records: not a
     * safety problem, but a browser would have connected (or the machine was too slow for the timeout).
     */
    List<FuzzOutcome> refusedWithoutContentChange() {
        synchronized (refusedWithoutContentChange) {
            return List.copyOf(refusedWithoutContentChange);
        }
    }

    /** {@code N handshakes: X ok, Y refused, 0 crashes, 0 hangs, 0 tampered accepted}. */
    synchronized String summary() {
        return total + " " + unit + ": " + counts.get(FuzzVerdict.OK) + " ok, " + counts.get(FuzzVerdict.REFUSED) + " refused, "
                + counts.get(FuzzVerdict.CRASH) + " crashes, " + counts.get(FuzzVerdict.HANG) + " hangs, "
                + counts.get(FuzzVerdict.TAMPERED_ACCEPTED) + " tampered accepted";
    }

    /** The summary, then one line per failure (at most {@code limit} of them). */
    String report(int limit) {
        StringBuilder out = new StringBuilder(summary()).append('\n');
        synchronized (this) {
            out.append("  (").append(mutated).append(" with a mutation applied, ").append(contentChanged)
                    .append(" of them content changes; the rest re-framed, or their target never came)\n");
        }
        List<FuzzOutcome> f = failures();
        f.stream().limit(limit).forEach(o -> out.append("  ").append(o.line()).append('\n'));
        if (f.size() > limit) {
            out.append("  … and ").append(f.size() - limit).append(" more\n");
        }
        List<FuzzOutcome> r = refusedWithoutContentChange();
        if (!r.isEmpty()) {
            out.append("  note: ").append(r.size()).append(" refused without a content change, e.g.\n");
            r.stream().limit(Math.min(limit, 5)).forEach(o -> out.append("    ").append(o.line()).append('\n'));
        }
        return out.toString();
    }
}
