package navemu.lab.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads HTTP/1.1 requests from a stream (RFC 9112 §2–§6), within fixed size limits. */
public final class HttpRequestReader {

    /** Larger header sections get 431 (RFC 6585 §5). */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Larger request bodies get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Compiled once, for every request (String.matches compiles each time). */
    private static final Pattern HTTP_1X = Pattern.compile("HTTP/1\\.[01]");

    private final InputStream in;

    public HttpRequestReader(InputStream in) {
        this.in = in;
    }

    /** The next request, or null when the client closed the connection between requests. */
    public HttpRequest next() throws IOException, BadRequestException {
        List<String> lines = readHeaderLines();
        if (lines == null) {
            return null;
        }
        String[] requestLine = lines.get(0).split(" ");
        if (requestLine.length != 3 || !HTTP_1X.matcher(requestLine[2]).matches()) {
            throw new BadRequestException(400, "not an HTTP/1.x request line: " + lines.get(0));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            // RFC 9112 §5.1: no whitespace between the field name and the colon.
            if (colon <= 0 || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new BadRequestException(400, "malformed header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        HttpRequest head = new HttpRequest(requestLine[0], requestLine[1], requestLine[2], headers);
        if (requestLine[2].equals("HTTP/1.1") && head.header("host").isEmpty()) {
            throw new BadRequestException(400, "HTTP/1.1 request without Host (RFC 9112 §3.2)");
        }
        return new HttpRequest(head.method(), head.target(), head.version(), headers, readBody(head));
    }

    private List<String> readHeaderLines() throws IOException, BadRequestException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (lines.isEmpty() && line.size() == 0) {
                    return null;
                }
                throw new BadRequestException(400, "connection closed in the middle of the request header");
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new BadRequestException(431, "request header larger than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // RFC 9112 §2.2: ignore empty lines before the request line
                    }
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
    }

    private byte[] readBody(HttpRequest request) throws IOException, BadRequestException {
        if (request.header("transfer-encoding").isPresent()) {
            throw new BadRequestException(411, "the lab's origins take no chunked request bodies");
        }
        String length = request.header("content-length").orElse("0");
        long bytes;
        try {
            bytes = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "bad Content-Length: " + length);
        }
        if (bytes < 0 || bytes > MAX_BODY_BYTES) {
            throw new BadRequestException(413, "request body of " + length + " bytes");
        }
        byte[] body = in.readNBytes((int) bytes);
        if (body.length != bytes) {
            throw new BadRequestException(400, "connection closed in the middle of the request body");
        }
        return body;
    }
}
