package navemu.navigator.capture;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import navemu.api.tcp.TcpConnector;
import navemu.api.tls.KeyLog;

/**
 * Everything one navigation sent and received on its connections, and its key-log lines: what a
 * packet capture of the navigation needs. Bounded by a byte limit: once the navigation has moved
 * more bytes than that, further bytes are counted but not kept ({@link #cut()}), so a peer that
 * sends a huge body cannot make the capture hold more than the limit.
 */
public final class NavigationCapture {
    /** Bytes kept per navigation, both directions and every connection together: 16 MiB. */
    public static final long DEFAULT_BYTE_LIMIT = 16L * 1024 * 1024;
    /** Key-log lines kept per navigation; a navigation of 21 hops writes about a hundred. */
    static final int KEY_LOG_LINE_LIMIT = 1_000;

    private final long byteLimit;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<CapturedConnection> connections = new ArrayList<>();
    private final List<KeyLogLine> keyLogLines = new ArrayList<>();
    private long bytesKept;
    private boolean cut;

    public NavigationCapture() {
        this(DEFAULT_BYTE_LIMIT);
    }

    public NavigationCapture(long byteLimit) {
        this.byteLimit = byteLimit;
    }

    /** One NSS key-log line ({@code LABEL client_random secret}), as the TLS slot reported it. */
    public record KeyLogLine(String label, byte[] clientRandom, byte[] secret) {
    }

    /** The {@code tcp} slot, decorated so that every connection it makes is captured here. */
    public TcpConnector connector(TcpConnector slot) {
        return new CapturingConnector(slot, this);
    }

    /** A key log that keeps each line here, then hands it on to {@code next} (the user's key log file). */
    public KeyLog keyLogThen(KeyLog next) {
        return (label, clientRandom, secret) -> {
            synchronized (this) {
                if (keyLogLines.size() < KEY_LOG_LINE_LIMIT) {
                    keyLogLines.add(new KeyLogLine(label, clientRandom.clone(), secret.clone()));
                }
            }
            next.write(label, clientRandom, secret);
        };
    }

    /** The wall-clock time at {@link #startNanos()}, to turn the captured monotonic times into dates. */
    public Instant startedAt() {
        return startedAt;
    }

    /** {@link System#nanoTime()} when the capture began. */
    public long startNanos() {
        return startNanos;
    }

    /** The wall-clock time of a captured monotonic time. */
    public Instant instantOf(long nanos) {
        return startedAt.plusNanos(nanos - startNanos);
    }

    public long byteLimit() {
        return byteLimit;
    }

    /** The connections in the order they were made. */
    public synchronized List<CapturedConnection> connections() {
        return List.copyOf(connections);
    }

    public synchronized List<KeyLogLine> keyLogLines() {
        return List.copyOf(keyLogLines);
    }

    /** True when bytes were left out because the navigation passed {@link #byteLimit()}. */
    public synchronized boolean cut() {
        return cut;
    }

    /** Bytes kept, all connections together. */
    public synchronized long bytesKept() {
        return bytesKept;
    }

    synchronized CapturedConnection opened(InetSocketAddress client, InetSocketAddress server, long startNanos,
                                           long connectedNanos) {
        CapturedConnection connection = new CapturedConnection(client, server, startNanos, connectedNanos);
        connections.add(connection);
        return connection;
    }

    /**
     * The connection {@code earlier} (of the capture {@code from}) goes on in this navigation: a new
     * entry that says it began earlier, and {@code from}'s key-log lines, which hold its secrets.
     */
    synchronized CapturedConnection continued(CapturedConnection earlier, long id, NavigationCapture from) {
        CapturedConnection connection = CapturedConnection.continuing(earlier, id, System.nanoTime());
        connections.add(connection);
        for (KeyLogLine line : from.keyLogLines()) {
            if (keyLogLines.size() < KEY_LOG_LINE_LIMIT && keyLogLines.stream().noneMatch(kept -> same(kept, line))) {
                keyLogLines.add(line);
            }
        }
        return connection;
    }

    private static boolean same(KeyLogLine a, KeyLogLine b) {
        return a.label().equals(b.label()) && java.util.Arrays.equals(a.clientRandom(), b.clientRandom());
    }

    /** Keeps what fits of {@code length} bytes at {@code offset}; the rest is counted as not kept. */
    synchronized void record(CapturedConnection connection, boolean fromClient, byte[] bytes, int offset, int length) {
        long room = Math.max(0, byteLimit - bytesKept);
        int kept = (int) Math.min(room, length);
        if (kept > 0) {
            byte[] copy = new byte[kept];
            System.arraycopy(bytes, offset, copy, 0, kept);
            connection.add(new CapturedSegment(fromClient, System.nanoTime(), copy));
            bytesKept += kept;
        }
        if (kept < length) {
            cut = true;
            connection.notKept(length - kept);
        }
    }
}
