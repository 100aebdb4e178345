package navemu.navigator.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the body of a final response ends (RFC 9112 §6.3): chunked, after Content-Length bytes, or
 * when the server closes.
 *
 * @param chunked       Transfer-Encoding ends in chunked
 * @param contentLength the declared length, or -1 when the body ends at close (or is chunked)
 */
record BodyFraming(boolean chunked, long contentLength) {
    /** Compiled once, for every response (String.matches compiles each time). */
    private static final Pattern CONTENT_LENGTH = Pattern.compile("[0-9]{1,18}");

    static final BodyFraming NONE = new BodyFraming(false, 0);

    static BodyFraming of(ResponseHead head, List<String> notes) {
        if (head.status() == 204 || head.status() == 304) {
            return NONE;
        }
        String transferEncoding = String.join(",", head.values("Transfer-Encoding")).toLowerCase(Locale.ROOT);
        if (transferEncoding.contains("chunked")) {
            return new BodyFraming(true, -1);
        }
        List<String> lengths = RepeatedHeaders.splitOnCommas(head.values("Content-Length"));
        if (lengths.isEmpty()) {
            return new BodyFraming(false, -1);
        }
        String value = lengths.get(0);
        // Content-Length = 1*DIGIT (RFC 9110 §8.6). Like Chromium (HttpResponseHeaders::GetContentLength),
        // anything else, "+5" or a number too big for 63 bits included, is no length: the body ends at close.
        if (CONTENT_LENGTH.matcher(value).matches()) {
            return new BodyFraming(false, Long.parseLong(value));
        }
        notes.add("Content-Length '" + ResponseHead.printable(value) + "' is not 1*DIGIT: ignored, as Chromium"
                + " ignores it; the body ends when the server closes the connection");
        return new BodyFraming(false, -1);
    }

    boolean endsAtClose() {
        return !chunked && contentLength < 0;
    }
}
