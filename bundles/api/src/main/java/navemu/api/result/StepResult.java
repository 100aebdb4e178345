package navemu.api.result;

import java.util.LinkedHashMap;
import java.util.Map;

/** One step as the result keeps it. */
public final class StepResult {
    /** {@code hsts}, {@code dns}, {@code tcp}, {@code tls}, {@code http}. */
    public String step;
    /** The implementation that did it; empty where the navigator does it itself. */
    public String impl;
    /** Start, in milliseconds since the navigation began. */
    public double startMs;
    public double durationMs;
    /**
     * Of {@link #durationMs}, the time spent waiting on the network (blocked on a connect, a read,
     * a DNS reply, the emulated link), without {@link #serverMs}; null when the implementation does
     * not say where it waited (a step with no round trip waited on nothing: 0).
     */
    public Double networkMs;
    /** Of {@link #durationMs}, the server's own time to answer, where the link can see it (emulated link); else null. */
    public Double serverMs;
    /** Of {@link #durationMs}, local work: our CPU (keys, signatures, validation, parsing); the rest of the duration. Null with {@link #networkMs}. */
    public Double localMs;
    /** Network round trips the step spent. */
    public int rtts;
    /** True when the step finished well. */
    public boolean ok;
    /** Null, or the error code this step failed with. */
    public String error;
    /** What the step found, its own keys (address, port and where it came from, cache hit…). */
    public Map<String, Object> detail = new LinkedHashMap<>();
}
