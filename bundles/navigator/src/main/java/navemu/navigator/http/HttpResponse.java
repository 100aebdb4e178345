package navemu.navigator.http;

import java.util.List;
import java.util.Map;

/**
 * A parsed HTTP/1.1 response.
 *
 * @param headers   every header in order, names as received (a name may repeat)
 * @param bodyBytes the body bytes read (all of them, unless truncated)
 * @param bodyPreviewBytes how many of the body's first bytes {@code bodyPreview} decodes
 * @param truncated the body went on past {@link Http11Client#MAX_BODY_BYTES} and the rest was not read
 * @param notes     what the reader did that a person would want to know (skipped 1xx, obs-fold, …)
 * @param endedAtClose the body had neither a length nor chunks: it ended when the server closed
 */
public record HttpResponse(String version, int status, String reason, List<Map.Entry<String, String>> headers,
                           long bodyBytes, String bodyPreview, int bodyPreviewBytes, boolean truncated, List<String> notes,
                           boolean endedAtClose) {

    public HttpResponse {
        headers = List.copyOf(headers);
        notes = List.copyOf(notes);
    }

    /** A response whose body had a length or was chunked (or had none), e.g. one of HTTP/2's. */
    public HttpResponse(String version, int status, String reason, List<Map.Entry<String, String>> headers,
                        long bodyBytes, String bodyPreview, int bodyPreviewBytes, boolean truncated, List<String> notes) {
        this(version, status, reason, headers, bodyBytes, bodyPreview, bodyPreviewBytes, truncated, notes, false);
    }

    /** Whether a Connection field lists {@code token} (RFC 9110 §7.6.1: a comma list, case-insensitive). */
    public boolean connectionHas(String token) {
        for (String value : values("Connection")) {
            for (String option : value.split(",")) {
                if (option.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every value of the header {@code name} (case-insensitive), in order. */
    public List<String> values(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    public String first(String name) {
        List<String> all = values(name);
        return all.isEmpty() ? null : all.get(0);
    }

    public boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
