package navemu.navigator.capture;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

import navemu.api.tcp.Connection;

/**
 * A connection whose streams copy every byte into a {@link CapturedConnection}: what a write
 * sent, at the time it returned, and what a read returned, at that time. The bytes themselves
 * pass through untouched.
 */
final class CapturingConnection implements Connection {
    private final Connection connection;
    private final CapturedConnection captured;
    private final NavigationCapture capture;
    private InputStream input;
    private OutputStream output;

    CapturingConnection(Connection connection, CapturedConnection captured, NavigationCapture capture) {
        this.connection = connection;
        this.captured = captured;
        this.capture = capture;
    }

    @Override
    public synchronized InputStream input() throws IOException {
        if (input == null) {
            input = new Received(connection.input());
        }
        return input;
    }

    @Override
    public synchronized OutputStream output() throws IOException {
        if (output == null) {
            output = new Sent(connection.output());
        }
        return output;
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        connection.setReadTimeout(timeout);
    }

    @Override
    public InetSocketAddress remote() {
        return connection.remote();
    }

    @Override
    public InetSocketAddress local() {
        return connection.local();
    }

    /** The decorated connection's view of the server's time: capturing the bytes changes none of it. */
    @Override
    public long serverNanos() {
        return connection.serverNanos();
    }

    @Override
    public void close() throws IOException {
        captured.clientClosed(System.nanoTime());
        connection.close();
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
