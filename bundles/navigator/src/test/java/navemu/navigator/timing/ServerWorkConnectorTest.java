package navemu.navigator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.lab.ServerWork;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;

/**
 * The tcp slot's connections ask the lab for the server's time only when they cannot see it
 * themselves, about their own two ends; without a lab the slot is used as it is.
 */
class ServerWorkConnectorTest {

    /** A connection from 127.0.0.1:50000 to 127.0.0.1:443 that sees the server's time as {@code seen} (-1: cannot). */
    private record FixedConnection(long seen) implements Connection {
        @Override
        public InputStream input() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public OutputStream output() {
            return new ByteArrayOutputStream();
        }

        @Override
        public void setReadTimeout(Duration timeout) {
        }

        @Override
        public InetSocketAddress remote() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 443);
        }

        @Override
        public InetSocketAddress local() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
        }

        @Override
        public long serverNanos() {
            return seen;
        }

        @Override
        public void close() {
        }
    }

    private static Connection connect(TcpConnector connector) throws Exception {
        return connector.connect(List.of(InetAddress.getLoopbackAddress()), 443, Duration.ofSeconds(1), StepTrace.NONE);
    }

    @Test
    void aConnectionThatCannotSeeTheServerAsksTheLabAboutItsOwnTwoEnds() throws Exception {
        List<String> asked = new ArrayList<>();
        ServerWork lab = (client, server) -> {
            asked.add(client.getPort() + "→" + server.getPort());
            return 7_000;
        };
        Connection connection = connect(ServerWorkConnector.of((a, p, t, s) -> new FixedConnection(-1), lab));
        assertEquals(7_000, connection.serverNanos());
        assertEquals(List.of("50000→443"), asked);
    }

    @Test
    void aConnectionThatSeesTheServerItselfKeepsItsOwnFigure() throws Exception {
        ServerWork lab = (client, server) -> 7_000;
        Connection connection = connect(ServerWorkConnector.of((a, p, t, s) -> new FixedConnection(42_000), lab));
        assertEquals(42_000, connection.serverNanos(), "the emulated link's wall-clock figure, not the lab's CPU time");
    }

    @Test
    void withoutALabTheSlotIsUsedAsItIsAndAConnectionTheLabDoesNotKnowStaysUnseen() throws Exception {
        TcpConnector slot = (a, p, t, s) -> new FixedConnection(-1);
        assertSame(slot, ServerWorkConnector.of(slot, null));
        assertEquals(-1, connect(ServerWorkConnector.of(slot, (client, server) -> -1)).serverNanos());
    }
}
