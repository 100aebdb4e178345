package navemu.api.url;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.host.Host;
import navemu.api.host.InvalidHostException;

/**
 * An http or https URL as a browser parses it: the WHATWG URL Standard's basic URL parser for
 * special schemes, reduced to what a navigation needs (scheme, host, port, path and query; the
 * fragment never leaves the browser).
 *
 * <ul>
 *   <li>leading and trailing C0 controls and spaces are stripped and tabs and newlines inside are
 *       removed, each a validation error that {@link #notes()} reports, never silently;</li>
 *   <li>the host goes through {@link Host} (UTS #46, IPv4 forms, bracketed IPv6);</li>
 *   <li>a port is digits only, at most 65535 ({@code :-1} is an invalid URL, not "no port"); the
 *       scheme's default port is dropped, as browsers show it;</li>
 *   <li>{@code \} counts as {@code /}, {@code .} and {@code ..} path segments are resolved, and
 *       characters that may not appear raw in a request target are percent-encoded.</li>
 * </ul>
 */
public final class WebUrl {

    private final String scheme;
    private final Host host;
    private final int port;
    private final String pathAndQuery;
    private final List<String> notes;

    private WebUrl(String scheme, Host host, int port, String pathAndQuery, List<String> notes) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.pathAndQuery = pathAndQuery;
        this.notes = List.copyOf(notes);
    }

    /**
     * @throws NavigationException {@link NetError#ERR_INVALID_URL} with the reason, or
     *         {@link NetError#ERR_DISALLOWED_URL_SCHEME} for a scheme other than http and https
     */
    public static WebUrl parse(String input) throws NavigationException {
        if (input == null) {
            throw invalid("no URL given");
        }
        List<String> notes = new ArrayList<>();
        String text = stripControlsAndSpaces(input, notes);
        text = removeTabsAndNewlines(text, notes);
        if (text.isEmpty()) {
            throw invalid("no URL given");
        }
        int colon = schemeEnd(text);
        if (colon < 0) {
            throw invalid("not an absolute URL: '" + text + "' (write https://" + text + ")");
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new NavigationException(NetError.ERR_DISALLOWED_URL_SCHEME,
                    "scheme '" + scheme + "' is not supported: navemu navigates http:// and https:// URLs");
        }
        int start = colon + 1;
        int slashes = 0;
        while (start < text.length() && (text.charAt(start) == '/' || text.charAt(start) == '\\')) {
            start++;
            slashes++;
        }
        if (slashes != 2 || text.substring(colon + 1, start).contains("\\")) {
            notes.add("the URL should have '//' after '" + scheme + ":'; read as " + scheme + "://");
        }
        int end = start;
        while (end < text.length() && "/\\?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String authority = text.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            notes.add("the user name and password before '@' are not sent");
            authority = authority.substring(at + 1);
        }
        int portColon = portColon(authority);
        String hostText = portColon < 0 ? authority : authority.substring(0, portColon);
        if (hostText.isEmpty()) {
            throw invalid("URL has no host: '" + text + "'");
        }
        Host host;
        try {
            host = Host.parse(hostText);
        } catch (InvalidHostException e) {
            throw invalid("invalid host in '" + text + "': " + e.getMessage());
        }
        int port = portColon < 0 ? -1 : port(authority.substring(portColon + 1), text);
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        return new WebUrl(scheme, host, port, pathAndQuery(text.substring(end)), notes);
    }

    public String scheme() {
        return scheme;
    }

    public Host host() {
        return host;
    }

    /** The port written in the URL, or -1 when none (or the scheme's default) was written. */
    public int port() {
        return port;
    }

    /** The request target: the path (at least "/") and the query, percent-encoded; no fragment. */
    public String pathAndQuery() {
        return pathAndQuery;
    }

    /** What the parser dropped or read leniently (WHATWG validation errors), in plain words. */
    public List<String> notes() {
        return notes;
    }

    /** The URL as a browser shows it. */
    @Override
    public String toString() {
        return scheme + "://" + host.urlForm() + (port >= 0 ? ":" + port : "") + pathAndQuery;
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** WHATWG: strip leading and trailing C0 control or space. */
    private static String stripControlsAndSpaces(String input, List<String> notes) {
        int from = 0;
        int to = input.length();
        while (from < to && input.charAt(from) <= 0x20) {
            from++;
        }
        while (to > from && input.charAt(to - 1) <= 0x20) {
            to--;
        }
        if (from > 0) {
            notes.add("dropped " + describe(input.substring(0, from)) + " before the URL");
        }
        if (to < input.length()) {
            notes.add("dropped " + describe(input.substring(to)) + " after the URL");
        }
        return input.substring(from, to);
    }

    /** WHATWG: remove all ASCII tab or newline. */
    private static String removeTabsAndNewlines(String text, List<String> notes) {
        StringBuilder kept = new StringBuilder(text.length());
        StringBuilder removed = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                removed.append(c);
            } else {
                kept.append(c);
            }
        }
        if (removed.length() > 0) {
            notes.add("removed " + describe(removed.toString()) + " inside the URL");
        }
        return kept.toString();
    }

    /** "U+0009 (tab), U+0020 (space)": each character named once, in the order met. */
    private static String describe(String characters) {
        StringBuilder text = new StringBuilder();
        characters.chars().distinct().forEach(c -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(String.format("U+%04X", c)).append(switch (c) {
                case '\t' -> " (tab)";
                case '\n' -> " (line feed)";
                case '\r' -> " (carriage return)";
                case ' ' -> " (space)";
                default -> " (a control character)";
            });
        });
        return text.toString();
    }

    /** Index of the ':' after a scheme (ALPHA *( ALPHA / DIGIT / + / - / . )), or -1. */
    private static int schemeEnd(String text) {
        if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /** The ':' before the port: after the closing ']' of an IPv6 host, else the first one. */
    private static int portColon(String authority) {
        int from = authority.startsWith("[") ? Math.max(0, authority.indexOf(']')) : 0;
        return authority.indexOf(':', from);
    }

    private static int port(String digits, String url) throws NavigationException {
        if (digits.isEmpty()) {
            return -1; // "https://h:/" is a URL without a port
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("invalid port '" + digits + "' in '" + url + "': a port is a number from 1 to 65535");
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        int port = significant.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(significant);
        if (port == 0 || port > 65535) {
            throw invalid("invalid port " + digits + " in '" + url + "': a port is a number from 1 to 65535");
        }
        return port;
    }

    private static String pathAndQuery(String rest) {
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash); // the fragment never leaves the browser
        }
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? null : rest.substring(question + 1);
        String target = PathSegments.normalise(percentEncode(path.replace('\\', '/'), "\"<>`{} "));
        return query == null ? target : target + "?" + percentEncode(query, "\"<>' ");
    }

    /** Percent-encodes C0 controls, non-ASCII (as UTF-8) and the given characters. */
    private static String percentEncode(String text, String alsoEncoded) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x20 || c > 0x7e || alsoEncoded.indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static NavigationException invalid(String message) {
        return new NavigationException(NetError.ERR_INVALID_URL, message);
    }
}
