package navemu.navigator.capture;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import navemu.api.tcp.Connection;
import navemu.navigator.connection.ForwardingConnection;

/**
 * A connection whose streams copy every byte into a {@link CapturedConnection}: what a write
 * sent, at the time it returned, and what a read returned, at that time. The bytes themselves
 * pass through untouched.
 */
final class CapturingConnection extends ForwardingConnection {
    private volatile CapturedConnection captured;
    private volatile NavigationCapture capture;

    CapturingConnection(Connection connection, CapturedConnection captured, NavigationCapture capture) {
        super(connection);
        this.captured = captured;
        this.capture = capture;
    }

    @Override
    protected InputStream wrapInput(InputStream in) {
        return new Received(in);
    }

    @Override
    protected OutputStream wrapOutput(OutputStream out) {
        return new Sent(out);
    }

    /**
     * A later navigation reuses this connection: its bytes from now on go to {@code next}, as a
     * connection that began in an earlier navigation (whose key-log lines {@code next} takes too,
     * so its TLS records can still be decrypted).
     */
    synchronized void continueIn(NavigationCapture next, long id) {
        if (next == capture) {
            return; // reused by the navigation that made it (a redirect to the same origin)
        }
        captured = next.continued(captured, id, capture);
        capture = next;
    }

    @Override
    public void close() throws IOException {
        captured.clientClosed(System.nanoTime());
        super.close();
    }

    /** Bytes from the server. */
    private final class Received extends FilterInputStream {
        Received(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                captured.serverClosed(System.nanoTime());
            } else {
                capture.record(captured, false, new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                captured.serverClosed(System.nanoTime());
            } else if (n > 0) {
                capture.record(captured, false, buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false; // a reset would hand the same bytes out twice, and the capture would keep them twice
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes would be lost to the capture: read them instead.
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }
    }

    /** Bytes to the server. */
    private final class Sent extends FilterOutputStream {
        Sent(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            capture.record(captured, true, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            if (length > 0) {
                capture.record(captured, true, buffer, offset, length);
            }
        }
    }
}
