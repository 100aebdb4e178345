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
 */
public record HttpResponse(String version, int status, String reason, List<Map.Entry<String, String>> headers,
                           long bodyBytes, String bodyPreview, int bodyPreviewBytes, boolean truncated, List<String> notes) {

    public HttpResponse {
        headers = List.copyOf(headers);
        notes = List.copyOf(notes);
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
