package navemu.lab.site;

import java.util.List;
import java.util.Map;

/**
 * What an origin answers on one scheme (https or plain http).
 *
 * @param mode      the overall behaviour
 * @param redirects path → redirect, checked first (e.g. {@code /a} → 302 {@code /b})
 * @param headers   extra header lines sent with every response, e.g. {@code Strict-Transport-Security: max-age=60}
 */
public record HttpBehaviour(Mode mode, Map<String, Redirect> redirects, List<String> headers) {

    public HttpBehaviour {
        redirects = Map.copyOf(redirects);
        headers = List.copyOf(headers);
    }

    public enum Mode {
        /** {@code GET /} (and any redirect target) answers 200 with a small HTML page; other paths 404. */
        PAGE,
        /** Every request answers 301 to the same path on https:// (what HSTS later makes unnecessary). */
        REDIRECT_TO_HTTPS,
        /** {@code /} → {@code /loop/1} → {@code /loop/2} → … forever, 302 each. */
        LOOP,
        /** DNS over HTTPS (RFC 8484) at {@code /dns-query}: GET {@code ?dns=} and POST, answered like the lab's DNS server. */
        DOH
    }

    /** @param location a path on the same origin or an absolute URL (RFC 9110 §10.2.2) */
    public record Redirect(int status, String location) {
    }
}
