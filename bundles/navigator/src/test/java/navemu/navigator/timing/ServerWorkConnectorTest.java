package navemu.navigator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.lab.ServerWork;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;
import navemu.navigator.FixedServerTimeConnection;

/**
 * The tcp slot's connections ask the lab for the server's time only when they cannot see it
 * themselves, about their own two ends; without a lab the slot is used as it is.
 */
class ServerWorkConnectorTest {

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
        Connection connection = connect(ServerWorkConnector.of((a, p, t, s) -> new FixedServerTimeConnection(-1), lab));
        assertEquals(7_000, connection.serverNanos());
        assertEquals(List.of("50000→443"), asked);
    }

    @Test
    void aConnectionThatSeesTheServerItselfKeepsItsOwnFigure() throws Exception {
        ServerWork lab = (client, server) -> 7_000;
        Connection connection = connect(ServerWorkConnector.of((a, p, t, s) -> new FixedServerTimeConnection(42_000), lab));
        assertEquals(42_000, connection.serverNanos(), "the emulated link's wall-clock figure, not the lab's CPU time");
    }

    @Test
    void withoutALabTheSlotIsUsedAsItIsAndAConnectionTheLabDoesNotKnowStaysUnseen() throws Exception {
        TcpConnector slot = (a, p, t, s) -> new FixedServerTimeConnection(-1);
        assertSame(slot, ServerWorkConnector.of(slot, null));
        assertEquals(-1, connect(ServerWorkConnector.of(slot, (client, server) -> -1)).serverNanos());
    }
}
