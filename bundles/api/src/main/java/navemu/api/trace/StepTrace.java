package navemu.api.trace;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a slot implementation is handed to report on the step it is doing.
 *
 * <p>The navigator opens and closes the step; the implementation only reports what
 * happens inside it. Every method returns quickly and never throws.
 */
@ProviderType
public interface StepTrace {

    /** A line for a person: what is being done, or what was decided and why. */
    void info(String text);

    /** The client sent a protocol message: its name (as the RFC names it), its length in bytes, its key fields. */
    void sent(String message, int length, Map<String, String> fields);

    /** The client received a protocol message. */
    void received(String message, int length, Map<String, String> fields);

    /**
     * A derived secret (a key, an IV, a pre-master secret), as hex. Always reported; the
     * views show it only when the user asks for secrets, and mark it as sensitive then.
     */
    void secret(String label, String hex);

    /**
     * The client has sent a flight and now waits for the peer: one network round trip.
     * The step's round-trip count is the number of calls.
     */
    void roundTrip(String why);

    /** Puts one value into this step's {@code detail} object of the result. */
    void detail(String key, Object value);

    /**
     * The calling thread is about to block on the network: a connect, a DNS reply, a packet held
     * on the emulated link. Close the returned wait when it may go on (try-with-resources). Waits
     * on several threads at once (parallel DNS queries) count once: the step's network time is
     * the time during which at least one wait was open, its local work the rest of its duration.
     * Safe to call from any thread. Reads and writes on the step's {@link navemu.api.tcp.Connection}
     * are measured by the navigator itself; an implementation marks only the waits it makes elsewhere.
     */
    default NetworkWait networkWait() {
        return NetworkWait.NONE;
    }

    /** A trace that records nothing, for callers outside a navigation (tests, the shell's own lookups). */
    StepTrace NONE = new StepTrace() {
        @Override public void info(String text) { }
        @Override public void sent(String message, int length, Map<String, String> fields) { }
        @Override public void received(String message, int length, Map<String, String> fields) { }
        @Override public void secret(String label, String hex) { }
        @Override public void roundTrip(String why) { }
        @Override public void detail(String key, Object value) { }
    };
}
