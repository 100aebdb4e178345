package navemu.navigator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import navemu.api.NetError;
import navemu.api.nav.RequestOptions;

/**
 * The first request of a connection, HTTP/1.1 (RFC 9112), over whatever byte stream the
 * navigation built (plain TCP or TLS). Hand-written because it must run over our own TLS
 * streams, which no library HTTP client accepts; it writes one request ({@link RequestMessage}) and
 * reads its response, which {@link Http11Transport} does once per request on a kept-alive connection.
 */
public final class Http11Client {
    public static final String USER_AGENT = RequestMessage.USER_AGENT;
    /** All heads of one response together (1xx and final): status lines and header fields. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** The most body navemu reads; a longer body is reported truncated, with the bytes read. */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** The body's first bytes kept as text for the result's preview and the {@code body} view. */
    public static final int PREVIEW_BYTES = 4096;
    /** The trace names this many skipped 1xx responses, then counts the rest. */
    static final int MAX_INTERIM_NOTES = 5;

    private Http11Client() {
    }

    /** The request bytes of a plain navigation GET. */
    public static byte[] getRequest(String requestTarget, String hostHeader) {
        return RequestMessage.of(RequestOptions.NAVIGATION, requestTarget, hostHeader).bytes();
    }

    public static void send(OutputStream out, byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /** Reads a whole response to a GET; see {@link #readResponse(InputStream, String, Runnable)}. */
    public static HttpResponse readResponse(InputStream in) throws IOException {
        return readResponse(in, "GET", () -> { });
    }

    /** Reads a whole response to a GET; see {@link #readResponse(InputStream, String, Runnable)}. */
    public static HttpResponse readResponse(InputStream in, Runnable headersRead) throws IOException {
        return readResponse(in, "GET", headersRead);
    }

    /**
     * Reads a whole response: interim (1xx) heads are read and skipped, then the final status line,
     * headers, and the body by chunks, Content-Length or close. The heads together are bounded by
     * {@link #MAX_HEADER_BYTES}; the body is read up to {@link #MAX_BODY_BYTES} and marked truncated
     * past that.
     *
     * @param method      the request's method: the response to a HEAD has no body (RFC 9112 §6.3 rule 1)
     * @param headersRead told when the final head is read and the body begins (the navigator's
     *                    deadlines switch from the headers' to the body's there)
     */
    public static HttpResponse readResponse(InputStream in, String method, Runnable headersRead) throws IOException {
        List<String> notes = new ArrayList<>();
        // One budget for every head of the response, so endless 1xx responses cannot outgrow it either.
        LineReader heads = new LineReader(in, MAX_HEADER_BYTES, MAX_HEADER_BYTES,
                NetError.ERR_RESPONSE_HEADERS_TOO_BIG, "response headers");
        ResponseHead head = ResponseHead.read(heads, notes);
        int interim = 0;
        while (head.interim()) {
            // RFC 9110 §15.2: a client must accept 1xx responses it did not ask for; Chromium skips them.
            if (++interim <= MAX_INTERIM_NOTES) {
                notes.add("interim response " + head.status() + " " + ResponseHead.printable(head.reason())
                        + " read and skipped" + (head.has("Link") ? " (Link: "
                        + ResponseHead.printable(String.join(", ", head.values("Link"))) + ")" : ""));
            }
            head = ResponseHead.read(heads, notes);
        }
        if (interim > MAX_INTERIM_NOTES) {
            notes.add((interim - MAX_INTERIM_NOTES) + " more interim responses read and skipped");
        }
        RepeatedHeaders.check(head);
        headersRead.run();
        BodyFraming framing = method.equals("HEAD") ? BodyFraming.NONE : BodyFraming.of(head, notes);
        BodyReader body = new BodyReader(in, MAX_BODY_BYTES, PREVIEW_BYTES);
        if (framing.chunked()) {
            ChunkedBody.read(in, body);
        } else {
            body.copy(framing.contentLength()); // -1: until close (RFC 9112 §6.3 rule 8)
        }
        if (body.truncated()) {
            notes.add("body truncated: navemu stops reading at " + MAX_BODY_BYTES + " bytes"
                    + (framing.contentLength() > 0 ? "; the server declared " + framing.contentLength() : ""));
        }
        return new HttpResponse(head.version(), head.status(), head.reason(), head.headers(), body.length(),
                body.preview(), body.previewLength(), body.truncated(), notes, framing.endsAtClose());
    }
}
