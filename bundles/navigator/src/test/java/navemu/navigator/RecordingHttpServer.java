package navemu.navigator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP/1.1 server on 127.0.0.1 that keeps every request exactly as it arrived (head and a
 * Content-Length body), so a test can compare what navemu says it sent with what came.
 */
final class RecordingHttpServer implements AutoCloseable {
    /** One request as received: the request line, the raw head, the body. */
    record Received(String requestLine, String head, String body) {
        String method() {
            return requestLine.split(" ")[0];
        }

        String target() {
            return requestLine.split(" ")[1];
        }

        /** The field lines after the request line, as sent. */
        List<String> fieldLines() {
            List<String> lines = List.of(head.split("\r\n"));
            return lines.subList(1, lines.size());
        }
    }

    private final ServerSocket server;
    final List<Received> requests = new CopyOnWriteArrayList<>();

    /** @param handler the request received → the whole raw response */
    RecordingHttpServer(Function<Received, String> handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(5000);
                    InputStream in = socket.getInputStream();
                    String head = readHead(in);
                    String body = new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
                    Received received = new Received(head.substring(0, head.indexOf("\r\n")), head, body);
                    requests.add(received);
                    OutputStream out = socket.getOutputStream();
                    out.write(handler.apply(received).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    // next connection
                }
            }
        }, "test-recording-http");
        thread.setDaemon(true);
        thread.start();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head");
            }
            head.write(b);
            String text = head.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r\n\r\n")) {
                return text.substring(0, text.length() - 4);
            }
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
