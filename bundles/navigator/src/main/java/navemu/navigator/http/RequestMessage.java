package navemu.navigator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import navemu.api.nav.RequestOptions;
import navemu.api.result.Header;

/**
 * One HTTP/1.1 request exactly as it goes on the wire (RFC 9112 §3): what {@link #bytes()} writes
 * is what {@link #headers()} lists, so the result shows the fields navemu really sent.
 *
 * @param method  the method
 * @param target  the request target (origin form: path and query)
 * @param headers every field, in the order written
 * @param body    the body, empty for none
 */
public record RequestMessage(String method, String target, List<Header> headers, byte[] body) {

    public static final String USER_AGENT = "navemu/0.1 (browser-connection emulator)";

    public RequestMessage {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /**
     * A browser's request for {@code target}: Host, User-Agent, Accept, Accept-Encoding (identity:
     * navemu shows the bytes as they came) and {@code Connection: keep-alive} (Chrome sends it on every
     * HTTP/1.1 request, also when it will not keep the connection), then the user's fields, then
     * Content-Length when there is a body or the method is POST or PUT (Chromium sends
     * {@code Content-Length: 0} for those, RFC 9110 §8.6 asks for it). A user's field replaces the
     * default of the same name; one with an empty value only removes it.
     */
    public static RequestMessage of(RequestOptions options, String target, String hostHeader) {
        List<Header> defaults = List.of(
                new Header("Host", hostHeader),
                new Header("User-Agent", USER_AGENT),
                new Header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                new Header("Accept-Encoding", "identity"),
                new Header("Connection", "keep-alive"));
        List<Header> fields = new ArrayList<>();
        for (Header field : defaults) {
            if (options.header(field.name) == null) {
                fields.add(field);
            }
        }
        for (Header field : options.headers()) {
            if (!field.value.isEmpty()) {
                fields.add(field);
            }
        }
        byte[] body = options.body();
        if (body.length > 0 || options.method().equals("POST") || options.method().equals("PUT")) {
            fields.add(new Header("Content-Length", Long.toString(body.length)));
        }
        return new RequestMessage(options.method(), target, fields, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The request line, the fields and the body, as sent. */
    public byte[] bytes() {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (Header field : headers) {
            head.append(field.name).append(": ").append(field.value).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Method and names are ASCII tokens; a value typed with other characters goes as UTF-8, as curl sends it.
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The first value of the field {@code name} (case-insensitive), or null. */
    public String first(String name) {
        for (Header field : headers) {
            if (field.name.equalsIgnoreCase(name)) {
                return field.value;
            }
        }
        return null;
    }
}
