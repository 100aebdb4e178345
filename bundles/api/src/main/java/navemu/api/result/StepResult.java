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
    /** Network round trips the step spent. */
    public int rtts;
    /** True when the step finished well. */
    public boolean ok;
    /** Null, or the error code this step failed with. */
    public String error;
    /** What the step found, its own keys (address, port and where it came from, cache hit…). */
    public Map<String, Object> detail = new LinkedHashMap<>();
}
