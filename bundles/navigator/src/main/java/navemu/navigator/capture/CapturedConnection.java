package navemu.navigator.capture;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One TCP connection of a navigation as the capture saw it: its two ends, when the connect began
 * and ended, every chunk sent and received in order, and when each side closed. Written by the
 * navigating thread (and a watchdog's close); read once the navigation is over.
 */
public final class CapturedConnection {
    private final InetSocketAddress client;
    private final InetSocketAddress server;
    private final long connectStartNanos;
    private final long connectedNanos;
    private final List<CapturedSegment> segments = new ArrayList<>();
    private long serverClosedNanos;
    private long clientClosedNanos;
    private long bytesNotKept;
    /** The navigator's number of a connection made in an earlier navigation, or 0 for one made in this one. */
    private final long continuedId;

    CapturedConnection(InetSocketAddress client, InetSocketAddress server, long connectStartNanos, long connectedNanos) {
        this(client, server, connectStartNanos, connectedNanos, 0);
    }

    private CapturedConnection(InetSocketAddress client, InetSocketAddress server, long connectStartNanos,
                               long connectedNanos, long continuedId) {
        this.client = client;
        this.server = server;
        this.connectStartNanos = connectStartNanos;
        this.connectedNanos = connectedNanos;
        this.continuedId = continuedId;
    }

    /** {@code earlier}, reused from {@code nowNanos} on by a later navigation (HTTP keep-alive). */
    static CapturedConnection continuing(CapturedConnection earlier, long id, long nowNanos) {
        return new CapturedConnection(earlier.client, earlier.server, nowNanos, nowNanos, id);
    }

    /**
     * True when the connection began in an earlier navigation, which captured its TCP connect and TLS
     * handshake; this navigation has only the bytes it sent and received on it.
     */
    public boolean beganEarlier() {
        return continuedId != 0;
    }

    /** The navigator's number of the connection ({@code connection #N}) when {@link #beganEarlier()}, else 0. */
    public long continuedId() {
        return continuedId;
    }

    /** Navemu's end (local address and port). */
    public InetSocketAddress client() {
        return client;
    }

    /** The server's end. */
    public InetSocketAddress server() {
        return server;
    }

    /** When the {@code tcp} slot was asked to connect (the SYN). */
    public long connectStartNanos() {
        return connectStartNanos;
    }

    /** When the connection was established (the SYN-ACK and ACK). */
    public long connectedNanos() {
        return connectedNanos;
    }

    public synchronized List<CapturedSegment> segments() {
        return List.copyOf(segments);
    }

    /** When the server ended its side (a read returned end of stream), if it did. */
    public synchronized OptionalLong serverClosedNanos() {
        return serverClosedNanos == 0 ? OptionalLong.empty() : OptionalLong.of(serverClosedNanos);
    }

    /** When navemu closed the connection, if it did. */
    public synchronized OptionalLong clientClosedNanos() {
        return clientClosedNanos == 0 ? OptionalLong.empty() : OptionalLong.of(clientClosedNanos);
    }

    /** Bytes that crossed this connection after the navigation's capture limit was reached. */
    public synchronized long bytesNotKept() {
        return bytesNotKept;
    }

    synchronized void add(CapturedSegment segment) {
        segments.add(segment);
    }

    synchronized void notKept(long bytes) {
        bytesNotKept += bytes;
    }

    synchronized void serverClosed(long atNanos) {
        if (serverClosedNanos == 0) {
            serverClosedNanos = atNanos;
        }
    }

    synchronized void clientClosed(long atNanos) {
        if (clientClosedNanos == 0) {
            clientClosedNanos = atNanos;
        }
    }
}
