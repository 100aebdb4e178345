package navemu.navigator.timing;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

import navemu.api.tcp.Connection;
import navemu.api.trace.NetworkWait;

/**
 * The tcp slot's connection as the tls and http steps use it, with every read and write timed:
 * the time a step's thread is blocked in them is network time, charged to the step whose
 * {@link NetworkClock} is current ({@link #chargeTo}). Encryption, parsing and validation happen
 * outside these calls, so they stay local work. The bytes pass through unchanged.
 */
public final class MeteredConnection implements Connection {

    private final Connection connection;
    private volatile NetworkClock clock = new NetworkClock();
    private InputStream input;
    private OutputStream output;

    public MeteredConnection(Connection connection) {
        this.connection = connection;
    }

    /** From now on, time blocked on this connection counts for the step that owns {@code stepClock}. */
    public void chargeTo(NetworkClock stepClock) {
        this.clock = stepClock;
    }

    @Override
    public synchronized InputStream input() throws IOException {
        if (input == null) {
            input = new MeteredInput(connection.input());
        }
        return input;
    }

    @Override
    public synchronized OutputStream output() throws IOException {
        if (output == null) {
            output = new MeteredOutput(connection.output());
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

    @Override
    public long serverNanos() {
        return connection.serverNanos();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    @Override
    public String toString() {
        return connection.toString();
    }

    private final class MeteredInput extends FilterInputStream {
        MeteredInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try (NetworkWait wait = clock.begin()) {
                return in.read();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try (NetworkWait wait = clock.begin()) {
                return in.read(b, off, len);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try (NetworkWait wait = clock.begin()) {
                return in.skip(n);
            }
        }
    }

    private final class MeteredOutput extends FilterOutputStream {
        MeteredOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try (NetworkWait wait = clock.begin()) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try (NetworkWait wait = clock.begin()) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            try (NetworkWait wait = clock.begin()) {
                out.flush();
            }
        }
    }
}
