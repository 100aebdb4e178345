package navemu.hsts.core;

/** What RFC 6797 §8.1 says to do with the Strict-Transport-Security headers of one response. */
public sealed interface StsDecision {

    /** Leave the store as it is; {@code note} says why ("ignored: received over http://"…). */
    record Ignore(String note) implements StsDecision {
    }

    /**
     * Note or update {@code host} as a Known HSTS Host (§8.1.1) with these directives.
     * {@code caveat} is empty, or a remark to append to the note (headers after the first).
     */
    record Remember(String host, StsDirectives directives, String caveat) implements StsDecision {
    }

    /** max-age=0: forget {@code host} (§6.1.1, §8.1.1). */
    record Forget(String host, String caveat) implements StsDecision {
    }
}
