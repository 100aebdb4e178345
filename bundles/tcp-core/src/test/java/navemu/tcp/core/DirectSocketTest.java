package navemu.tcp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket every tcp slot connects reaches its address itself, whatever proxy the JVM is told of. */
@Timeout(20)
class DirectSocketTest {

    @Test
    void itConnectsStraightToTheAddressEvenWithASocksProxyConfiguredForEveryHost() throws Exception {
        List<String> keys = List.of("socksProxyHost", "socksProxyPort", "socksNonProxyHosts");
        List<String> before = keys.stream().map(System::getProperty).toList();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            closed = probe.getLocalPort();
        }
        System.setProperty("socksProxyHost", "127.0.0.1");
        System.setProperty("socksProxyPort", Integer.toString(closed)); // a proxy that refuses everything
        System.setProperty("socksNonProxyHosts", ""); // empty: loopback is not exempt either
        try (ServerSocket server = new ServerSocket(0, 5, loopback); Socket socket = DirectSocket.create()) {
            server.setSoTimeout(5_000);
            socket.connect(new InetSocketAddress(loopback, server.getLocalPort()), 5_000);
            try (Socket accepted = server.accept()) {
                assertEquals(socket.getLocalPort(), accepted.getPort());
            }
        } finally {
            for (int i = 0; i < keys.size(); i++) {
                if (before.get(i) == null) {
                    System.clearProperty(keys.get(i));
                } else {
                    System.setProperty(keys.get(i), before.get(i));
                }
            }
        }
    }
}
