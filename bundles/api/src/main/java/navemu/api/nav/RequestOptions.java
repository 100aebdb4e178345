package navemu.api.nav;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import navemu.api.result.Header;

/**
 * What the user asked the first request of a navigation to be, as curl's {@code -X}, {@code -H}
 * and {@code -d} say it: the method, header fields added to (or replacing) the browser's own, and
 * a body. The navigator adds Host, Content-Length and Connection itself, and on a redirect changes
 * the method and drops the body as browsers do (Fetch, "HTTP-redirect fetch").
 *
 * @param method  the request method, upper case as typed (HTTP methods are case-sensitive)
 * @param headers fields to send, in order; one whose name matches a default field (case-insensitive)
 *                replaces it, and one with an empty value removes that default and is not sent
 * @param body    the request body, or an empty array for none
 */
public record RequestOptions(String method, List<Header> headers, byte[] body) {

    /** A browser navigation: GET, the default fields only, no body. */
    public static final RequestOptions NAVIGATION = new RequestOptions("GET", List.of(), new byte[0]);

    /** Fields the navigator writes itself, from the URL and the body, on every hop; a user's copy could only contradict them. */
    public static final List<String> SET_BY_NAVEMU = List.of("Host", "Content-Length", "Transfer-Encoding", "Connection");

    /**
     * @throws IllegalArgumentException for a method or field name that is not an RFC 9110 token,
     *         a value with a control character (CR and LF would inject lines into the request), or
     *         a field from {@link #SET_BY_NAVEMU}
     */
    public RequestOptions {
        Objects.requireNonNull(method, "method");
        if (!isToken(method)) {
            throw new IllegalArgumentException("'" + printable(method) + "' is not a method name (RFC 9110 §9: a token)");
        }
        headers = headers == null ? List.of() : List.copyOf(headers);
        for (Header header : headers) {
            if (!isToken(header.name)) {
                throw new IllegalArgumentException("'" + printable(header.name)
                        + "' is not a header field name (RFC 9110 §5.1: a token, no spaces, no ':')");
            }
            for (char c : header.value.toCharArray()) {
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw new IllegalArgumentException("the value of " + header.name
                            + " holds a control character (" + String.format(Locale.ROOT, "0x%02x", (int) c)
                            + "); CR or LF would start a new line in the request (RFC 9110 §5.5)");
                }
            }
            for (String own : SET_BY_NAVEMU) {
                if (own.equalsIgnoreCase(header.name)) {
                    throw new IllegalArgumentException(own + " is written by navemu itself on every hop"
                            + " (from the URL and the body), as a browser does");
                }
            }
        }
        body = body == null ? new byte[0] : body.clone();
    }

    /** RFC 9110 §5.6.2: {@code token = 1*tchar}. */
    public static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (char c : text.toCharArray()) {
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The value of the user's field {@code name} (case-insensitive, the last one given), or null. */
    public String header(String name) {
        String value = null;
        for (Header header : headers) {
            if (header.name.equalsIgnoreCase(name)) {
                value = header.value;
            }
        }
        return value;
    }

    /**
     * True for the methods RFC 9110 §9.2.1 calls safe, the only ones that may go as TLS 1.3 early
     * data. Method names are case-sensitive (§9.1): {@code get} is not GET.
     */
    public boolean safe() {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }
}
