package navemu.navigator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server on 127.0.0.1 that misbehaves on purpose: after the request (or at once, for a TLS
 * handshake) it sends a prefix, then one byte every {@code gapMillis}, forever, so no single read
 * ever times out. Only a deadline over the whole exchange ends it.
 */
final class TricklingServer implements AutoCloseable {
    private final ServerSocket server;

    /**
     * @param waitForRequest read the request's header block first (HTTP), or start at once (TLS)
     * @param prefix         sent whole before the trickle
     */
    TricklingServer(boolean waitForRequest, String prefix, long gapMillis) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    if (waitForRequest) {
                        skipRequest(socket.getInputStream());
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(prefix.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    while (true) { // until the client closes the connection
                        out.write('a');
                        out.flush();
                        Thread.sleep(gapMillis);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up: next connection
                }
            }
        }, "test-trickle");
        thread.setDaemon(true);
        thread.start();
    }

    private static void skipRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
