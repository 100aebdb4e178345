package navemu.shell.command;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@code compare} measures: how many timed runs per side ({@code -n N}, default
 * {@value #DEFAULT_RUNS}) and what the runs keep between them:
 * <ul>
 *   <li>{@link Keep#NOTHING} (the default): every run, the warm-up too, starts with an empty DNS
 *       cache and session store of its own, so each timed run is a first visit and no side ever
 *       resumes the other's session;</li>
 *   <li>{@link Keep#SIDE} ({@code --warm}): each side keeps its own DNS cache and session store
 *       across its warm-up and runs, so the timed runs are repeat visits (resumed where the site
 *       allows), still never with the other side's sessions;</li>
 *   <li>{@link Keep#SHARED} ({@code --shared}): both sides use the shell's DNS cache and session
 *       store, as {@code open} does, and leave them changed.</li>
 * </ul>
 *
 * @param words the words left once the options are taken out (URL and changes)
 */
record CompareOptions(int runs, Keep keep, List<String> words) {

    static final int DEFAULT_RUNS = 3;
    /** Bounds the work one command may start: 2 × (1 + 50) navigations. */
    static final int MAX_RUNS = 50;

    enum Keep { NOTHING, SIDE, SHARED }

    /** Takes {@code -n N}, {@code --warm} and {@code --shared} out of {@code args}, wherever they are. */
    static CompareOptions parse(List<String> args) throws UsageException {
        int runs = DEFAULT_RUNS;
        boolean runsGiven = false;
        Keep keep = Keep.NOTHING;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-n" -> {
                    if (runsGiven) {
                        throw new UsageException("-n may appear only once");
                    }
                    if (i + 1 >= args.size()) {
                        throw new UsageException("-n needs a number of runs, e.g. -n 5");
                    }
                    runs = runs(args.get(++i));
                    runsGiven = true;
                }
                case "--warm", "--shared" -> {
                    Keep chosen = arg.equals("--warm") ? Keep.SIDE : Keep.SHARED;
                    if (keep != Keep.NOTHING && keep != chosen) {
                        throw new UsageException("--warm and --shared exclude each other: --warm keeps each side's"
                                + " own sessions across its runs, --shared lets both sides use the shell's");
                    }
                    keep = chosen;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg + " (compare knows -n N, --warm, --shared)");
                    }
                    words.add(arg);
                }
            }
        }
        return new CompareOptions(runs, keep, words);
    }

    private static int runs(String word) throws UsageException {
        int runs;
        try {
            runs = Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new UsageException("-n needs a whole number of runs, not '" + word + "'");
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new UsageException("-n takes 1 to " + MAX_RUNS + " runs per side, not " + runs);
        }
        return runs;
    }

    /** The line that says how the times were measured, printed under the comparison. */
    String howMeasured() {
        String runsPart = runs == 1 ? "one run per side after a discarded warm-up"
                : "median of " + runs + " alternating runs per side after a discarded warm-up";
        String keptPart = switch (keep) {
            case NOTHING -> "each run its own empty DNS cache and session store (a first visit)";
            case SIDE -> "each side its own DNS cache and session store, kept across its runs (a repeat visit, --warm)";
            case SHARED -> "both sides share the shell's DNS cache and session store (--shared)";
        };
        return runsPart + "; " + keptPart;
    }
}
