package navemu.navigator.http;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import navemu.api.NetError;

/**
 * The status line and header fields of one response (RFC 9112 §4, §5), interim (1xx) or final.
 *
 * @param headers every field in order, names as received (a name may repeat)
 */
record ResponseHead(String version, int status, String reason, List<Map.Entry<String, String>> headers) {
    /** Compiled once: every response's status line is checked against it (String.matches compiles each time). */
    private static final Pattern STATUS_CODE = Pattern.compile("[0-9]{3}");

    /** RFC 9110 §15: status codes are three digits, 100 to 599; 600-999 are not HTTP's. */
    static final int LOWEST_STATUS = 100;
    static final int HIGHEST_STATUS = 599;

    ResponseHead {
        headers = List.copyOf(headers);
    }

    boolean interim() {
        return status / 100 == 1;
    }

    /** Every value of the field {@code name} (case-insensitive), in order. */
    List<String> values(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    boolean has(String name) {
        return !values(name).isEmpty();
    }

    /**
     * Reads one head. Lines that continue a field (obs-fold, RFC 9112 §5.2) are joined to it with a
     * space, as a user agent must; what was done that a reader would want to know goes to {@code notes}.
     *
     * @throws HttpProtocolException ERR_EMPTY_RESPONSE when nothing came, ERR_INVALID_RESPONSE when the
     *                               status line is not HTTP/1.x, ERR_INVALID_HTTP_RESPONSE for a status
     *                               code outside 100-599
     */
    static ResponseHead read(LineReader reader, List<String> notes) throws IOException {
        String statusLine = reader.line();
        if (statusLine == null) {
            throw new HttpProtocolException(NetError.ERR_EMPTY_RESPONSE, "the server closed the connection without sending a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "not an HTTP/1.x status line: '" + printable(statusLine) + "'");
        }
        if (!STATUS_CODE.matcher(parts[1]).matches() || Integer.parseInt(parts[1]) < LOWEST_STATUS
                || Integer.parseInt(parts[1]) > HIGHEST_STATUS) {
            throw new HttpProtocolException(NetError.ERR_INVALID_HTTP_RESPONSE, "status code '" + printable(parts[1])
                    + "' is not an HTTP status (three digits, " + LOWEST_STATUS + " to " + HIGHEST_STATUS + ", RFC 9110 §15)");
        }
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length == 3 ? parts[2] : "";
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Set<String> folded = new LinkedHashSet<>();
        int ignored = 0;
        String line;
        while ((line = reader.line()) != null && !line.isEmpty()) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (headers.isEmpty()) {
                    // RFC 9112 §2.2: a line with leading whitespace before the first field may be ignored.
                    if (ignored++ == 0) {
                        notes.add("ignored an indented line before the first header: '" + printable(line.strip()) + "'");
                    }
                    continue;
                }
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                String joined = (last.getValue() + " " + line.strip()).strip();
                headers.add(new AbstractMap.SimpleImmutableEntry<>(last.getKey(), joined));
                folded.add(printable(last.getKey()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "malformed header line: '" + printable(line) + "'");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        if (line == null) {
            throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "the connection closed inside the response headers");
        }
        if (!folded.isEmpty()) {
            notes.add("header " + String.join(", ", folded) + " continued on further lines (obs-fold): joined"
                    + " with a space (RFC 9112 §5.2)");
        }
        return new ResponseHead(parts[0], status, reason, headers);
    }

    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
