package navemu.navigator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** A real HTTP/1.1 server on 127.0.0.1 for tests: answers each request line with the handler's bytes. */
final class LoopbackHttpServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    /** @param handler request target → the whole raw response, or null to stay silent */
    LoopbackHttpServer(Function<String, String> handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(5000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    String requestLine = in.readLine();
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        // headers are not needed by these tests
                    }
                    String response = handler.apply(requestLine == null ? "" : requestLine.split(" ")[1]);
                    if (response == null) {
                        Thread.sleep(3000);
                        continue;
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // next connection
                }
            }
        }, "test-http");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    static String redirect(int status, String location) {
        return "HTTP/1.1 " + status + " Moved\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
