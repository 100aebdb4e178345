package navemu.api.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing that happened during a navigation, stamped with the monotonic clock.
 *
 * <p>Events come in the paired vocabulary of OkHttp's EventListener: every
 * {@link Kind#STEP_START} is followed by exactly one {@link Kind#STEP_END} or
 * {@link Kind#STEP_ERROR} for the same step; in between come messages, notes and secrets.
 *
 * @param kind      what sort of event this is
 * @param step      the step it belongs to: {@code hsts}, {@code dns}, {@code tcp}, {@code tls},
 *                  {@code cert}, {@code http}, {@code redirect}
 * @param impl      the implementation doing the step (empty where the navigator does it itself)
 * @param atNanos   {@link System#nanoTime()} when it happened
 * @param name      a short name: the message type (ClientHello), the secret's label, the query type…
 * @param text      one line for a person
 * @param fields    the values a learner looks for (versions, suites, lengths…), in insertion order
 * @param roundTrips for {@link Kind#STEP_END}, the network round trips the step spent; else 0
 */
public record TraceEvent(Kind kind, String step, String impl, long atNanos, String name, String text,
                         Map<String, String> fields, int roundTrips) {

    public enum Kind {
        /** A step begins. */
        STEP_START,
        /** A step finished well. */
        STEP_END,
        /** A step failed; {@code name} holds the error code, {@code text} the reason. */
        STEP_ERROR,
        /** The client sent a protocol message (direction C&gt;S). */
        SENT,
        /** The client received a protocol message (direction S&gt;C). */
        RECEIVED,
        /** Something worth a line in the trace. */
        INFO,
        /** A derived secret. Sensitive: views show it only when the user asks for secrets. */
        SECRET,
        /** A network round trip begins here (a flight was sent and the client waits for the answer). */
        ROUND_TRIP
    }

    public TraceEvent {
        // Keep the order the reporter gave (a ClientHello's fields read in wire order), in a copy the
        // reporter cannot change afterwards. No fields share the one empty map: many events have none,
        // and each navigation reports dozens of events.
        fields = fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** True for events that must not be shown unless the user asked for secrets. */
    public boolean sensitive() {
        return kind == Kind.SECRET;
    }
}
