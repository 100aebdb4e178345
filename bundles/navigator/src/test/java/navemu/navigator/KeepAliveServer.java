package navemu.navigator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP/1.1 server on 127.0.0.1 that keeps connections open between requests, as the lab's
 * and most servers do, and counts what a connection pool changes: the connections it accepted, and
 * the requests each carried. Its handler decides each response (the whole raw bytes); after a
 * response whose bytes contain {@code Connection: close}, or that is HTTP/1.0, it closes.
 */
final class KeepAliveServer implements AutoCloseable {
    /** In a handler's response: the server stops there for 3 s before sending the rest. */
    static final String PAUSE = "\u0000PAUSE\u0000";

    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Connections that ended because the client closed them (read -1), counted when seen. */
    private final AtomicInteger closedByClient = new AtomicInteger();
    private volatile int idleCloseMs = 5000;
    /** When > 0: the n-th request (1-based, counted over all connections) is read and the connection closed unanswered. */
    private volatile int dropRequest;
    private volatile String unasked;
    /** When > 0: the n-th request is read and never answered; the connection stays open until the client closes it. */
    private volatile int silentRequest;

    /** @param handler request target → the whole raw response */
    KeepAliveServer(Function<String, String> handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    open.add(socket);
                    Thread conversation = new Thread(() -> serve(socket, handler), "test-keepalive-conn");
                    conversation.setDaemon(true);
                    conversation.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-keepalive");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket socket, Function<String, String> handler) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            for (int served = 0; ; served++) {
                // The idle timeout is for a kept connection between requests; the first request gets 5 s.
                socket.setSoTimeout(served == 0 ? 5000 : idleCloseMs);
                String requestLine;
                try {
                    requestLine = in.readLine();
                } catch (SocketTimeoutException idle) {
                    return; // the server's own idle timeout: it closes the kept connection
                }
                if (requestLine == null) {
                    closedByClient.incrementAndGet();
                    return;
                }
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // the fields are not needed
                }
                int number = requests.incrementAndGet();
                if (number == dropRequest) {
                    return; // closed as the request arrived: no byte of a response
                }
                if (number == silentRequest) {
                    while (in.read() != -1) {
                        // a server that keeps the connection and says nothing, until the client gives up
                    }
                    return;
                }
                String response = handler.apply(requestLine.split(" ")[1]);
                String[] parts = response.split(PAUSE, -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        Thread.sleep(3000); // a stalled response, for the deadlines and Ctrl-C
                    }
                    out.write(parts[i].getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (unasked != null) {
                    Thread.sleep(50);
                    out.write(unasked.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (response.startsWith("HTTP/1.0") || response.contains("Connection: close")) {
                    return;
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            // the conversation is over
        } finally {
            open.remove(socket);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Requests read so far, all connections together. */
    int requests() {
        return requests.get();
    }

    /** Connections still open on the server's side. */
    int openConnections() {
        return open.size();
    }

    /** After the next response on each connection, sends {@code bytes} unasked (while the connection is idle). */
    void sendAfterResponse(String bytes) {
        unasked = bytes;
    }

    int closedByClient() {
        return closedByClient.get();
    }

    /** From the next wait on: a connection idle this long is closed by the server. */
    void closeIdleAfter(int ms) {
        idleCloseMs = ms;
    }

    /** The {@code n}-th request (counted from the start) is answered by closing the connection. */
    void dropRequestNumber(int n) {
        dropRequest = n;
    }

    /** The {@code n}-th request (counted from the start) is read and never answered. */
    void silenceRequestNumber(int n) {
        silentRequest = n;
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
        for (Socket socket : open) {
            socket.close();
        }
    }
}
