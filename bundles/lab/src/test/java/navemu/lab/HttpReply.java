package navemu.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A test's independent view of one HTTP/1.1 response: status, header lines, body (Content-Length framed). */
record HttpReply(int status, List<String> headers, String body) {

    Optional<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).strip()).findFirst();
    }

    /** Sends {@code GET path} with Host, optionally {@code Connection: close}, and reads the reply. */
    static HttpReply get(InputStream in, OutputStream out, String host, String path, boolean close) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: navemu-lab-test\r\nAccept: */*\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return read(in);
    }

    static HttpReply read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the response header after " + lines);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        String[] statusLine = lines.get(0).split(" ", 3);
        List<String> headers = lines.subList(1, lines.size());
        HttpReply head = new HttpReply(Integer.parseInt(statusLine[1]), List.copyOf(headers), "");
        int length = Integer.parseInt(head.header("Content-Length").orElseThrow(() -> new IOException("no Content-Length")));
        byte[] body = in.readNBytes(length);
        return new HttpReply(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
    }
}
