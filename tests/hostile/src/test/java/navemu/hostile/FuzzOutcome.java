package navemu.hostile;

/**
 * One mutated connection: the seed that replays it, where it went, what the mutation did (null
 * when its target never came), the verdict, and for a failure the error or alert it ended with.
 */
record FuzzOutcome(long seed, String target, String mutation, FuzzVerdict verdict, String detail) {

    String line() {
        return verdict + " seed=" + seed + " " + target + " mutation=" + (mutation == null ? "(none applied)" : mutation)
                + (detail == null ? "" : " -> " + detail);
    }
}
