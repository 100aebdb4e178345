package navemu.navigator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import navemu.api.NetError;

/**
 * The first request of a connection, HTTP/1.1 (RFC 9112), over whatever byte stream the
 * navigation built (plain TCP or TLS). Hand-written because it must run over our own TLS
 * streams, which no library HTTP client accepts; it does one GET with {@code Connection: close}.
 */
public final class Http11Client {
    public static final String USER_AGENT = "navemu/0.1 (browser-connection emulator)";
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    static final int PREVIEW_BYTES = 256;

    private Http11Client() {
    }

    /** The request bytes of a navigation GET. */
    public static byte[] getRequest(String requestTarget, String hostHeader) {
        String request = "GET " + requestTarget + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        return request.getBytes(StandardCharsets.US_ASCII);
    }

    public static void send(OutputStream out, byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /** Reads a whole response: status line, headers, and the body by Content-Length, chunks or close. */
    public static HttpResponse readResponse(InputStream in) throws IOException {
        HeaderReader reader = new HeaderReader(in);
        String statusLine = reader.line();
        if (statusLine == null) {
            throw new HttpProtocolException(NetError.ERR_EMPTY_RESPONSE, "the server closed the connection without sending a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "not an HTTP/1.x status line: '" + printable(statusLine) + "'");
        }
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length == 3 ? parts[2] : "";
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String line;
        while ((line = reader.line()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "malformed header line: '" + printable(line) + "'");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        if (line == null) {
            throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "the connection closed inside the response headers");
        }
        Body body = readBody(in, status, headers);
        return new HttpResponse(parts[0], status, reason, List.copyOf(headers), body.length, body.preview());
    }

    private static Body readBody(InputStream in, int status, List<Map.Entry<String, String>> headers) throws IOException {
        Body body = new Body();
        if (status / 100 == 1 || status == 204 || status == 304) {
            return body;
        }
        String transferEncoding = header(headers, "Transfer-Encoding");
        String contentLength = header(headers, "Content-Length");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            readChunked(in, body);
        } else if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "Content-Length is not a number: '" + contentLength + "'");
            }
            if (length < 0 || length > MAX_BODY_BYTES) {
                throw new HttpProtocolException(NetError.ERR_INVALID_RESPONSE, "Content-Length out of range: " + length);
            }
            body.copy(in, length, true);
        } else {
            body.copy(in, MAX_BODY_BYTES, false); // delimited by close (RFC 9112 §6.3 rule 8)
        }
        return body;
    }

    private static void readChunked(InputStream in, Body body) throws IOException {
        HeaderReader reader = new HeaderReader(in);
        while (true) {
            String sizeLine = reader.line();
            if (sizeLine == null) {
                throw new HttpProtocolException(NetError.ERR_INVALID_CHUNKED_ENCODING, "the connection closed before the last chunk");
            }
            String hex = sizeLine.split(";", 2)[0].trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new HttpProtocolException(NetError.ERR_INVALID_CHUNKED_ENCODING, "bad chunk size line: '" + printable(sizeLine) + "'");
            }
            if (size < 0 || body.length + size > MAX_BODY_BYTES) {
                throw new HttpProtocolException(NetError.ERR_INVALID_CHUNKED_ENCODING, "chunk size out of range: " + size);
            }
            if (size == 0) {
                String trailer;
                while ((trailer = reader.line()) != null && !trailer.isEmpty()) {
                    // Trailers are allowed and ignored.
                }
                return;
            }
            body.copy(in, size, true);
            String end = reader.line();
            if (end == null || !end.isEmpty()) {
                throw new HttpProtocolException(NetError.ERR_INVALID_CHUNKED_ENCODING, "chunk data not followed by CRLF");
            }
        }
    }

    private static String header(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Counts the body and keeps its first bytes. */
    private static final class Body {
        long length;
        final ByteArrayOutputStream preview = new ByteArrayOutputStream();

        void copy(InputStream in, long max, boolean exact) throws IOException {
            byte[] buffer = new byte[8192];
            long remaining = max;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    if (exact) {
                        throw new HttpProtocolException(NetError.ERR_CONNECTION_CLOSED,
                                "the connection closed " + remaining + " bytes before the end of the body");
                    }
                    return;
                }
                int keep = (int) Math.min(n, PREVIEW_BYTES - preview.size());
                if (keep > 0) {
                    preview.write(buffer, 0, keep);
                }
                length += n;
                remaining -= n;
            }
        }

        String preview() {
            return preview.toString(StandardCharsets.UTF_8);
        }
    }

    /** Reads CRLF- (or LF-) terminated lines byte by byte, so no body byte is consumed by a buffer. */
    private static final class HeaderReader {
        private final InputStream in;
        private int total;

        HeaderReader(InputStream in) {
            this.in = in;
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
                if (++total > MAX_HEADER_BYTES) {
                    throw new HttpProtocolException(NetError.ERR_RESPONSE_HEADERS_TOO_BIG, "response headers exceed " + MAX_HEADER_BYTES + " bytes");
                }
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
        }
    }
}
