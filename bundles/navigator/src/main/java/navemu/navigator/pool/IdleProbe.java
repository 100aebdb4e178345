package navemu.navigator.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

import navemu.api.tcp.Connection;
import navemu.navigator.connection.ForwardingConnection;

/**
 * The tcp slot's connection with a way to ask, before reuse, whether it is still open and idle:
 * Chrome's {@code IsConnectedAndIdle}, which peeks at the socket. Java has no peek, so the probe
 * reads one byte with a very short timeout: a timeout means open and quiet (reusable); the end of
 * the stream (the server's FIN) or an error means closed; a byte means the server sent something
 * while no request was out — over TLS most likely its close_notify before closing — and, as
 * Chrome, such a connection is not reused either (the byte is pushed back all the same).
 */
public final class IdleProbe extends ForwardingConnection {
    /** How long the probe waits for the stream to say anything: it only needs what already arrived. */
    static final Duration PROBE_WAIT = Duration.ofMillis(1);

    private PushbackInputStream pushback;

    public IdleProbe(Connection connection) {
        super(connection);
    }

    @Override
    protected synchronized InputStream wrapInput(InputStream in) {
        pushback = new PushbackInputStream(in, 1);
        return pushback;
    }

    @Override
    protected OutputStream wrapOutput(OutputStream out) {
        return out;
    }

    /** What the probe found. */
    public enum State {
        /** Open, nothing unread: fit for another request. */
        IDLE,
        /** The server closed it (or it failed). */
        CLOSED,
        /** Bytes came while it was idle (a TLS close_notify, a stray response): not fit. */
        UNREAD_DATA
    }

    /** Whether the connection is still open and idle; restores {@code readTimeout} afterwards. */
    public State probe(Duration readTimeout) {
        try {
            PushbackInputStream in = (PushbackInputStream) input();
            if (in.available() > 0) {
                return State.UNREAD_DATA;
            }
            setReadTimeout(PROBE_WAIT);
            try {
                int b = in.read();
                if (b < 0) {
                    return State.CLOSED;
                }
                in.unread(b);
                return State.UNREAD_DATA;
            } catch (SocketTimeoutException quiet) {
                return State.IDLE;
            } finally {
                setReadTimeout(readTimeout);
            }
        } catch (IOException | RuntimeException e) {
            return State.CLOSED; // reset, closed under us: not usable either way
        }
    }
}
