package navemu.navigator.timing;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import navemu.api.tcp.Connection;
import navemu.api.trace.NetworkWait;
import navemu.navigator.connection.ForwardingConnection;

/**
 * The tcp slot's connection as the tls and http steps use it, timed on the critical path of each
 * round trip: from the first write of a flight (a ClientHello, a request) to the end of the read
 * that gets the answer, the step waits on the network, and that is network time, charged to the
 * step whose {@link NetworkClock} is current ({@link #chargeTo}). Local work the client does while
 * its flight is on the way is hidden behind the network and costs nothing; encryption before the
 * flight and parsing and validation after the answer stay local work. A read with no flight
 * before it (the rest of a body) counts the time it blocks. When the client was still busy after
 * the answer came, that part of its work is counted as network too: no one can see when bytes
 * landed in a socket's buffer. The bytes pass through unchanged.
 */
public final class MeteredConnection extends ForwardingConnection {

    private volatile NetworkClock clock = new NetworkClock();
    /** When the flight now on its way left: the first write since the last read, or -1. */
    private long flightStart = -1;
    public MeteredConnection(Connection connection) {
        super(connection);
    }

    /** From now on, time blocked on this connection counts for the step that owns {@code stepClock}. */
    public synchronized void chargeTo(NetworkClock stepClock) {
        this.clock = stepClock;
        flightStart = -1; // a flight of the step before (TLS Finished) whose answer it never read
    }

    private synchronized void flightLeaves() {
        if (flightStart < 0) {
            flightStart = System.nanoTime();
        }
    }

    /** Opens the wait of a read: from the flight's departure when one is on its way, else from now. */
    private synchronized NetworkWait awaitAnswer() {
        long start = flightStart < 0 ? System.nanoTime() : flightStart;
        flightStart = -1;
        return clock.beginAt(start);
    }

    @Override
    protected InputStream wrapInput(InputStream in) {
        return new MeteredInput(in);
    }

    @Override
    protected OutputStream wrapOutput(OutputStream out) {
        return new MeteredOutput(out);
    }

    private final class MeteredInput extends FilterInputStream {
        MeteredInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try (NetworkWait wait = awaitAnswer()) {
                return in.read();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try (NetworkWait wait = awaitAnswer()) {
                return in.read(b, off, len);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try (NetworkWait wait = awaitAnswer()) {
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
            flightLeaves();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            flightLeaves();
            out.write(b, off, len);
        }
    }
}
