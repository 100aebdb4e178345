package navemu.dns.doh;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings of pid {@code navemu.dns.doh}, read key by key like {@code navemu.dns}'s: a bad value
 * is refused by name and that key alone keeps its default, so a typo in {@code timeoutMs} does not
 * also throw away the configured {@code url}.
 *
 * @param url       the DoH server for names outside the zones with their own; null = none
 * @param method    POST (RFC 8484 §4.1 body) or GET ({@code ?dns=} base64url)
 * @param timeoutMs how long each HTTPS exchange (and the bootstrap's DNS queries) may take
 * @param problems  one line per refused value
 */
record DohSettings(URI url, DohMethod method, long timeoutMs, List<String> problems) {

    static final String FILE = "navemu.dns.doh.cfg";
    static final long DEFAULT_TIMEOUT_MS = 3000;
    static final long MAX_TIMEOUT_MS = 30_000;

    DohSettings {
        problems = List.copyOf(problems);
    }

    static DohSettings read(Map<String, ?> properties) {
        List<String> problems = new ArrayList<>();
        URI url = null;
        String urlText = text(properties.get("url"));
        try {
            url = DohComponent.parseUrl(urlText);
        } catch (IllegalArgumentException e) {
            problems.add(refusal("url", urlText, e.getMessage(), "no public DoH server"));
        }
        DohMethod method = DohMethod.POST;
        String methodText = text(properties.get("method"));
        if (!methodText.isBlank()) {
            try {
                method = DohMethod.fromWord(methodText);
            } catch (IllegalArgumentException e) {
                problems.add(refusal("method", methodText, e.getMessage(), "using post"));
            }
        }
        long timeoutMs = DEFAULT_TIMEOUT_MS;
        String timeoutText = text(properties.get("timeoutMs"));
        if (!timeoutText.isBlank()) {
            try {
                long parsed = Long.parseLong(timeoutText.trim());
                if (parsed >= 1 && parsed <= MAX_TIMEOUT_MS) {
                    timeoutMs = parsed;
                } else {
                    problems.add(refusal("timeoutMs", timeoutText, "must be from 1 to " + MAX_TIMEOUT_MS + " ms",
                            "using " + DEFAULT_TIMEOUT_MS));
                }
            } catch (NumberFormatException e) {
                problems.add(refusal("timeoutMs", timeoutText, "not a whole number", "using " + DEFAULT_TIMEOUT_MS));
            }
        }
        return new DohSettings(url, method, timeoutMs, problems);
    }

    private static String refusal(String key, String value, String why, String instead) {
        return FILE + ": " + key + "=" + value + " refused (" + why + "); " + instead;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
