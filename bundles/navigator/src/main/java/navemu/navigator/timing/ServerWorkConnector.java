package navemu.navigator.timing;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import navemu.api.NavigationException;
import navemu.api.lab.ServerWork;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;
import navemu.navigator.connection.ForwardingConnection;

/**
 * The {@code tcp} slot, its connections telling the server's time from {@link ServerWork} (the
 * lab's) when they cannot see it themselves. A plain socket cannot tell the server's time to answer
 * from the network's, so a step on it counted the lab server's work (the first handshake of a site,
 * cold, some 100 ms) as network time, on loopback, where a round trip takes a tenth of a
 * millisecond. The lab serves each connection on one thread of its own, whose CPU time is that
 * work. Where the connection can see the server itself (the emulated link) its own figure is kept;
 * where neither can (a real site, an {@code openssl s_server} child) the server's time stays unseen.
 */
public final class ServerWorkConnector implements TcpConnector {
    private final TcpConnector slot;
    private final ServerWork work;

    private ServerWorkConnector(TcpConnector slot, ServerWork work) {
        this.slot = slot;
        this.work = work;
    }

    /** {@code slot} itself when there is no {@code work} to ask (no lab running). */
    public static TcpConnector of(TcpConnector slot, ServerWork work) {
        return work == null ? slot : new ServerWorkConnector(slot, work);
    }

    @Override
    public Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException {
        return new ServerTimedConnection(slot.connect(addresses, port, connectTimeout, trace), work);
    }

    @Override
    public Duration oneWayDelay() {
        return slot.oneWayDelay();
    }

    /** The slot's connection, its streams untouched. */
    static final class ServerTimedConnection extends ForwardingConnection {
        private final ServerWork work;

        ServerTimedConnection(Connection connection, ServerWork work) {
            super(connection);
            this.work = work;
        }

        @Override
        protected InputStream wrapInput(InputStream in) {
            return in;
        }

        @Override
        protected OutputStream wrapOutput(OutputStream out) {
            return out;
        }

        @Override
        public long serverNanos() {
            long seen = connection.serverNanos();
            return seen >= 0 ? seen : work.cpuNanos(connection.local(), connection.remote());
        }
    }
}
