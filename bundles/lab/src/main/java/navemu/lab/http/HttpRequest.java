package navemu.lab.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request as the lab's origins read it (RFC 9112 §3).
 *
 * @param method  e.g. {@code GET}
 * @param target  the request-target in origin-form, e.g. {@code /a?x=1}
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers field names in lower case → values, in arrival order per name
 * @param body    the content (Content-Length bytes), empty when none
 */
public record HttpRequest(String method, String target, String version, Map<String, List<String>> headers, byte[] body) {

    public HttpRequest(String method, String target, String version, Map<String, List<String>> headers) {
        this(method, target, version, headers, new byte[0]);
    }

    /** The value of query parameter {@code name} (still percent-encoded), if the target has one. */
    public Optional<String> queryParameter(String name) {
        int query = target.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : target.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The path without the query. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** RFC 9112 §9.3: HTTP/1.1 is persistent unless {@code Connection: close}; HTTP/1.0 closes. */
    public boolean wantsClose() {
        boolean close = headers.getOrDefault("connection", List.of()).stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .anyMatch(token -> token.strip().equalsIgnoreCase("close"));
        return close || !version.equals("HTTP/1.1");
    }
}
