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
 * The tcp slot's connection with a way to ask, before reuse, whether the server closed it while
 * it sat idle: Chrome's {@code IsConnectedAndIdle}, which peeks at the socket. Java has no peek,
 * so the probe reads one byte with a very short timeout and pushes it back: the end of the stream
 * (the server's FIN) or an error means closed; a timeout means open and quiet; a byte means open
 * with something unread (a late TLS record such as a NewSessionTicket or close_notify), which the
 * TLS slot then reads as usual, and whose meaning (a closed channel) a failed exchange would show.
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

    /**
     * Whether the server has closed this idle connection (or it failed). Restores {@code readTimeout}
     * afterwards.
     */
    public boolean peerClosed(Duration readTimeout) {
        try {
            PushbackInputStream in = (PushbackInputStream) input();
            if (in.available() > 0) {
                return false; // bytes already buffered: open, with something unread
            }
            setReadTimeout(PROBE_WAIT);
            try {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
                in.unread(b);
                return false;
            } catch (SocketTimeoutException quiet) {
                return false;
            } finally {
                setReadTimeout(readTimeout);
            }
        } catch (IOException | RuntimeException e) {
            return true; // reset, closed under us: not usable either way
        }
    }
}
