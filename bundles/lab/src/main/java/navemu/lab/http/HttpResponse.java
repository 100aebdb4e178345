package navemu.lab.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One response, written as HTTP/1.1 with a Content-Length (RFC 9112 §4, §6.2). */
public record HttpResponse(int status, List<String> headers, byte[] body) {

    public HttpResponse {
        headers = List.copyOf(headers);
    }

    public HttpResponse withHeader(String line) {
        List<String> more = new ArrayList<>(headers);
        more.add(line);
        return new HttpResponse(status, more, body);
    }

    /** @param includeBody false for HEAD (RFC 9110 §9.3.2): same headers, no content */
    public void writeTo(OutputStream out, boolean close, boolean includeBody) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        // One write: over TLS each write is a record of its own, and each its own TCP segment.
        byte[] message = includeBody ? new byte[headBytes.length + body.length] : headBytes;
        if (includeBody) {
            System.arraycopy(headBytes, 0, message, 0, headBytes.length);
            System.arraycopy(body, 0, message, headBytes.length, body.length);
        }
        out.write(message);
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
