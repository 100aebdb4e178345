package navemu.navigator.pool;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import navemu.api.result.CertInfo;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.navigator.http.HttpTransport;
import navemu.navigator.timing.MeteredConnection;

/**
 * One connection a navigation made, with everything a later request needs to use it again: the
 * layers as they were stacked (the tcp slot's connection, the idle probe, the meter, the TLS
 * channel, the HTTP transport reading from it) and what its handshake found, since a reused
 * connection's TLS and certificate are the ones of the handshake that made it.
 */
public final class PooledConnection implements Closeable {
    private final long id;
    private final PoolKey key;
    private final Instant madeAt;
    private final String madeFor;
    private final Connection tcp;
    private final IdleProbe probe;
    private final MeteredConnection metered;
    private SecureChannel channel;
    private HttpTransport transport;
    private TlsInfo tls;
    private CertInfo cert;
    private int exchanges;
    private long idleSinceNanos;
    private volatile boolean closed;

    /**
     * @param tcp     the tcp slot's connection (with the capture's tap, when there is one)
     * @param madeFor the URL of the hop that made it, for the trace of later hops
     */
    public PooledConnection(long id, PoolKey key, Instant madeAt, String madeFor, Connection tcp) {
        this.id = id;
        this.key = key;
        this.madeAt = madeAt;
        this.madeFor = madeFor;
        this.tcp = tcp;
        this.probe = new IdleProbe(tcp);
        this.metered = new MeteredConnection(probe);
    }

    public long id() {
        return id;
    }

    public PoolKey key() {
        return key;
    }

    public Instant madeAt() {
        return madeAt;
    }

    public String madeFor() {
        return madeFor;
    }

    /** The tcp slot's connection, under every layer navemu added. */
    public Connection tcp() {
        return tcp;
    }

    /** What the tls and http steps read and write: timed per step. */
    public MeteredConnection metered() {
        return metered;
    }

    /** The TLS channel over {@link #metered()}, or null for plain http://. */
    public SecureChannel channel() {
        return channel;
    }

    public HttpTransport transport() {
        return transport;
    }

    /** The handshake's result; a later hop's result shows these as its own. */
    public TlsInfo tls() {
        return tls;
    }

    public CertInfo cert() {
        return cert;
    }

    /** Called once the connection is ready for requests: its TLS channel (or null) and transport. */
    public void ready(SecureChannel secureChannel, HttpTransport httpTransport) {
        this.channel = secureChannel;
        this.transport = httpTransport;
    }

    /** What the handshake found, as the connection's later users will show it. */
    public void handshake(TlsInfo tlsInfo, CertInfo certInfo) {
        this.tls = tlsInfo;
        this.cert = certInfo;
    }

    /** Counts one request carried (0 means never used, which Chrome times out sooner). */
    public void exchanged() {
        exchanges++;
    }

    public int exchanges() {
        return exchanges;
    }

    synchronized void idleFrom(long nanos) {
        idleSinceNanos = nanos;
    }

    synchronized long idleSinceNanos() {
        return idleSinceNanos;
    }

    /** Whether it has been idle longer than Chrome keeps a connection of its kind. */
    boolean expired(long nowNanos, Duration unusedTimeout, Duration usedTimeout) {
        Duration limit = exchanges == 0 ? unusedTimeout : usedTimeout;
        return nowNanos - idleSinceNanos() >= limit.toNanos();
    }

    /** Whether it is still open and idle (see {@link IdleProbe}). */
    IdleProbe.State probe(Duration readTimeout) {
        return closed ? IdleProbe.State.CLOSED : probe.probe(readTimeout);
    }

    public boolean closed() {
        return closed;
    }

    /** Closes the TLS channel (close_notify) and the connection under it; never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (transport != null) {
            closeQuietly(transport); // HTTP/2 says GOAWAY before the TLS close_notify
        }
        if (channel != null) {
            closeQuietly(channel);
        }
        closeQuietly(metered);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // The connection is being given up; a failed close changes nothing the user can act on.
        }
    }

    @Override
    public String toString() {
        return "connection #" + id + " to " + key.origin();
    }
}
