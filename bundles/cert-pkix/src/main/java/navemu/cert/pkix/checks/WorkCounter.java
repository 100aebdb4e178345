package navemu.cert.pkix.checks;

/**
 * What one validation cost, in the units a peer can inflate: candidate paths checked, signatures
 * checked, and comparisons of names with name-constraint subtrees. Shown in {@code cert.checks}
 * so that a hostile chain's cost is visible, and asserted by the tests instead of a time.
 */
public final class WorkCounter {
    /**
     * Signature checks after which no further candidate path is started: with the key policy's
     * bounds on a key this caps the public-key work of one validation, however many look-alike
     * intermediates a server sends (Chromium bounds its path search with an iteration limit too).
     */
    public static final int MAX_SIGNATURES = 64;

    private int paths;
    private int signatures;
    private long nameComparisons;

    void path() {
        paths++;
    }

    void signature() {
        signatures++;
    }

    void nameComparisons(long count) {
        nameComparisons += count;
    }

    public int paths() {
        return paths;
    }

    public int signatures() {
        return signatures;
    }

    public long nameComparisons() {
        return nameComparisons;
    }

    /** {@code 3 candidate path(s), 5 signature(s) checked, 0 name-constraint comparison(s)}. */
    public String describe() {
        return paths + " candidate path(s), " + signatures + " signature(s) checked, " + nameComparisons
                + " name-constraint comparison(s) (at most " + NameConstraintRules.MAX_COMPARISONS + " a path)";
    }
}
