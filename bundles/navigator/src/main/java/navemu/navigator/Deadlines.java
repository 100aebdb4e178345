package navemu.navigator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long a hop and each part of its HTTP response may take in all, whatever the server does.
 * A per-read timeout alone never fires against a server that trickles one byte at a time; these
 * deadlines end such a hop with ERR_TIMED_OUT, naming what took too long.
 *
 * <p>Settings of pid {@code navemu.navigator} ({@code config/osgi/navemu.navigator.cfg}); a bad
 * value is refused by name and that key keeps its default.
 *
 * @param hop             one hop from its DNS lookup to the end of its response (the TLS handshake
 *                        keeps its own timeout too, inside the TLS slot)
 * @param responseHeaders from sending the request to the end of the final response's headers
 * @param responseBody    from the end of the headers to the end of the body
 * @param problems        one line per refused value
 */
record Deadlines(Duration hop, Duration responseHeaders, Duration responseBody, List<String> problems) {

    static final String FILE = "navemu.navigator.cfg";
    static final long DEFAULT_HOP_MS = 180_000;
    static final long DEFAULT_RESPONSE_HEADERS_MS = 60_000;
    /** 16 MiB (the body limit) at about 1 Mbit/s takes 134 s. */
    static final long DEFAULT_RESPONSE_BODY_MS = 150_000;
    static final long MAX_MS = 600_000;

    static final Deadlines DEFAULT = read(Map.of());

    Deadlines {
        problems = List.copyOf(problems);
    }

    static Deadlines of(Duration hop, Duration responseHeaders, Duration responseBody) {
        return new Deadlines(hop, responseHeaders, responseBody, List.of());
    }

    /** Reads {@code hopTimeoutMs}, {@code responseHeadersTimeoutMs}, {@code responseBodyTimeoutMs}: 1 to 600000 ms. */
    static Deadlines read(Map<String, ?> properties) {
        List<String> problems = new ArrayList<>();
        return new Deadlines(millis(properties, "hopTimeoutMs", DEFAULT_HOP_MS, problems),
                millis(properties, "responseHeadersTimeoutMs", DEFAULT_RESPONSE_HEADERS_MS, problems),
                millis(properties, "responseBodyTimeoutMs", DEFAULT_RESPONSE_BODY_MS, problems), problems);
    }

    private static Duration millis(Map<String, ?> properties, String key, long fallback, List<String> problems) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return Duration.ofMillis(fallback);
        }
        try {
            long ms = Long.parseLong(value.toString().trim());
            if (ms >= 1 && ms <= MAX_MS) {
                return Duration.ofMillis(ms);
            }
            problems.add(FILE + ": " + key + "=" + value + " refused (must be from 1 to " + MAX_MS + " ms); using " + fallback);
        } catch (NumberFormatException e) {
            problems.add(FILE + ": " + key + "=" + value + " refused (not a whole number of ms); using " + fallback);
        }
        return Duration.ofMillis(fallback);
    }
}
