package navemu.navigator.http2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import navemu.api.result.Header;
import navemu.navigator.http.RequestMessage;

/**
 * A request's header list as HTTP/2 carries it (RFC 9113 §8.3.1): the pseudo-header fields first,
 * in Chrome's order {@code :method :authority :scheme :path}, the Host field become
 * {@code :authority}, then the other fields with lower-case names, without the fields that
 * only mean something to an HTTP/1.1 connection (§8.2.2).
 */
final class RequestHeaders {
    /** §8.2.2: connection-specific fields, which an HTTP/2 message must not contain. */
    static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade");

    private RequestHeaders() {
    }

    static List<Map.Entry<String, String>> of(RequestMessage message, String scheme) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        String authority = message.first("Host");
        list.add(Map.entry(":method", message.method()));
        if (authority != null) {
            list.add(Map.entry(":authority", authority));
        }
        list.add(Map.entry(":scheme", scheme));
        list.add(Map.entry(":path", message.target()));
        for (Header field : message.headers()) {
            String name = field.name.toLowerCase(Locale.ROOT);
            if (name.equals("host") || CONNECTION_SPECIFIC.contains(name)
                    || (name.equals("te") && !field.value.trim().equalsIgnoreCase("trailers"))) {
                continue;
            }
            list.add(Map.entry(name, field.value));
        }
        return list;
    }

    static List<Header> asHeaders(List<Map.Entry<String, String>> list) {
        return list.stream().map(e -> new Header(e.getKey(), e.getValue())).toList();
    }
}
