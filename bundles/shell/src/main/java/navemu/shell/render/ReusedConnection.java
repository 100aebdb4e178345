package navemu.shell.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.result.StepResult;

/**
 * Whether a hop's request went on a connection an earlier request made (HTTP keep-alive): its
 * {@code http} step then says {@code reused} and names the connection. Every view that tells it
 * (the step row, the summary, {@code explain}, the HTML report) asks here, so they agree.
 */
public final class ReusedConnection {
    private ReusedConnection() {
    }

    /** The connection's number ("3") when {@code steps}' http step went on a reused connection. */
    public static Optional<String> of(List<StepResult> steps) {
        if (steps == null) {
            return Optional.empty();
        }
        return steps.stream().filter(s -> "http".equals(s.step)).findFirst().flatMap(http -> of(http.detail));
    }

    /** The same, from the http step's detail. */
    static Optional<String> of(Map<String, Object> httpDetail) {
        Object id = httpDetail.get("connection");
        if (!Boolean.TRUE.equals(httpDetail.get("reused")) || id == null) {
            return Optional.empty();
        }
        // 3, not 3.0: a number read back from JSON is a double.
        return Optional.of(id instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(id));
    }
}
