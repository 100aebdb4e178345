package navemu.navigator.http2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import navemu.navigator.http.BodyPreview;
import navemu.navigator.http.Http11Client;
import navemu.navigator.http.HttpResponse;

/**
 * One stream we opened, from the response's side: the response head when it came (interim heads
 * skipped, trailers noted), the body counted and its first bytes kept, at most
 * {@link Http11Client#MAX_BODY_BYTES}, and whether the stream has ended. Its flow-control windows
 * are {@link FlowControl}'s.
 */
final class ResponseStream {
    final int id;
    int status = -1;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    long declaredLength = -1;
    long bodyBytes;
    boolean truncated;
    boolean ended;
    long headersNanos;
    /** A header block came on this stream (a response head, interim or final): the server answered it. */
    private boolean answered;
    private final BodyPreview preview = new BodyPreview();

    ResponseStream(int id) {
        this.id = id;
    }

    boolean hasHead() {
        return status >= 0;
    }

    /** Whether the server began to answer: a request whose response began is never sent again. */
    boolean answered() {
        return answered;
    }

    /**
     * A decoded header block on this stream (RFC 9113 §8.1): the response head (after any interim
     * ones), or, once the head came, trailers, which must end the stream.
     */
    void headerBlock(List<Map.Entry<String, String>> fields, boolean endStream) throws Http2Error {
        answered = true;
        if (hasHead()) {
            if (!endStream) {
                throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR,
                        "a second HEADERS on stream " + id + " that does not end it (trailers must, RFC 9113 §8.1)");
            }
            notes.add("trailer fields: " + FrameNarration.headerList(fields));
        } else {
            if (headersNanos == 0) {
                headersNanos = System.nanoTime();
            }
            head(fields, endStream);
        }
        if (endStream) {
            ended = true;
        }
    }

    /** Takes a decoded response head (RFC 9113 §8.3.2); interim (1xx) heads are noted and skipped. */
    private void head(List<Map.Entry<String, String>> fields, boolean endStream) throws Http2Error {
        String statusValue = null;
        boolean regularSeen = false;
        for (Map.Entry<String, String> field : fields) {
            String name = field.getKey();
            if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                throw malformed("the field name '" + name + "' has upper-case letters (RFC 9113 §8.2.1)");
            }
            if (name.startsWith(":")) {
                if (regularSeen || !name.equals(":status") || statusValue != null) {
                    throw malformed("pseudo-header '" + name + "' is not allowed here (RFC 9113 §8.3): only one :status, before the other fields");
                }
                statusValue = field.getValue();
            } else {
                regularSeen = true;
                if (RequestHeaders.CONNECTION_SPECIFIC.contains(name)) {
                    throw malformed("the connection-specific field '" + name + "' is not allowed in HTTP/2 (RFC 9113 §8.2.2)");
                }
            }
        }
        if (statusValue == null || !statusValue.matches("[1-9][0-9][0-9]")) {
            throw malformed(statusValue == null ? "the response has no :status" : "':status: " + statusValue + "' is not a status code");
        }
        int code = Integer.parseInt(statusValue);
        if (code < 200) {
            if (endStream) {
                throw malformed("an interim " + code + " response ended the stream");
            }
            if (code != 101) {
                notes.add("interim response " + code + " read and skipped");
                return;
            }
            throw malformed("101 Switching Protocols is not allowed in HTTP/2 (RFC 9113 §8.6)");
        }
        status = code;
        for (Map.Entry<String, String> field : fields) {
            if (!field.getKey().startsWith(":")) {
                headers.add(field);
                if (field.getKey().equals("content-length") && field.getValue().matches("[0-9]{1,18}")) {
                    declaredLength = Long.parseLong(field.getValue());
                }
            }
        }
    }

    /** Counts body bytes, keeping the first ones; false once the body passes the cap (the rest is not wanted). */
    boolean body(byte[] data, int offset, int length) {
        preview.add(data, offset, length);
        bodyBytes += length;
        if (bodyBytes > Http11Client.MAX_BODY_BYTES) {
            bodyBytes = Http11Client.MAX_BODY_BYTES;
            truncated = true;
            notes.add("body truncated: navemu stops reading at " + Http11Client.MAX_BODY_BYTES + " bytes"
                    + (declaredLength > 0 ? "; the server declared " + declaredLength : "")
                    + "; the stream was reset with CANCEL");
            return false;
        }
        return true;
    }

    /** §8.1.1: a content-length that the DATA frames do not add up to makes the response malformed. */
    void checkLength() throws Http2Error {
        if (declaredLength >= 0 && !truncated && declaredLength != bodyBytes) {
            throw malformed("content-length says " + declaredLength + " octets but the DATA frames carried " + bodyBytes);
        }
    }

    HttpResponse response() {
        return new HttpResponse("HTTP/2", status, "", headers, bodyBytes, preview.text(),
                preview.bytes(), truncated, notes);
    }

    private Http2Error malformed(String why) {
        return Http2Error.stream(ErrorCode.PROTOCOL_ERROR, "malformed response on stream " + id + ": " + why);
    }
}
