package navemu.tcp.socket;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.tcp.core.ConnectFailure;
import navemu.tcp.core.DirectSocket;
import navemu.tcp.core.SocketConnection;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.NetworkWait;
import navemu.api.trace.StepTrace;

/**
 * The plain policy: try the addresses one after the other, in the order the resolver gave,
 * each attempt bounded by the connect timeout, and keep the first that connects.
 *
 * <p>Each attempt sends a SYN and waits for the SYN-ACK (or RST): one round trip
 * (RFC 9293 §3.5). An attempt that times out also counts, because the client did wait.
 */
public final class SocketConnector implements TcpConnector {

    @Override
    public Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException {
        if (addresses == null || addresses.isEmpty()) {
            throw new NavigationException(NetError.ERR_ADDRESS_UNREACHABLE, "no address to connect to");
        }
        if (port < 1 || port > 65535) {
            throw new NavigationException(NetError.ERR_ADDRESS_UNREACHABLE, "port " + port + " is not a TCP port");
        }
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        List<String> attempts = new ArrayList<>();
        NavigationException last = null;
        for (int i = 0; i < addresses.size(); i++) {
            InetSocketAddress remote = new InetSocketAddress(addresses.get(i), port);
            trace.info("connecting to " + describe(remote) + " (attempt " + (i + 1) + " of " + addresses.size()
                    + ", timeout " + timeoutMillis + " ms)");
            trace.roundTrip("SYN to " + describe(remote) + ", waiting for SYN-ACK");
            long start = System.nanoTime();
            Socket socket = DirectSocket.create();
            try {
                // Nagle would hold back small TLS records waiting for an ACK (RFC 896); browsers turn it off.
                socket.setTcpNoDelay(true);
                try (NetworkWait wait = trace.networkWait()) {
                    socket.connect(remote, timeoutMillis);
                }
                double millis = round(elapsedMillis(start));
                InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
                trace.info("connected to " + describe(remote) + " from local port " + local.getPort() + " in "
                        + tenths(millis) + " ms");
                trace.detail("address", remote.getAddress().getHostAddress());
                trace.detail("port", port);
                trace.detail("localAddress", local.getAddress().getHostAddress());
                trace.detail("localPort", local.getPort());
                trace.detail("connectMs", millis);
                trace.detail("attempts", attemptList(attempts, describe(remote) + " connected"));
                return new SocketConnection(socket);
            } catch (IOException failure) {
                closeQuietly(socket);
                double millis = elapsedMillis(start);
                NetError error = ConnectFailure.classify(failure);
                String line = String.format("%s %s after %.1f ms (%s: %s)", describe(remote), error, millis,
                        ConnectFailure.explain(error), failure.getMessage());
                trace.info(line);
                attempts.add(line);
                last = new NavigationException(error, "connect to " + describe(remote) + " failed: "
                        + ConnectFailure.explain(error) + " (" + failure.getMessage() + ")", failure);
            }
        }
        trace.detail("attempts", attemptList(attempts, null));
        if (addresses.size() == 1) {
            throw last;
        }
        // As browsers do, the error of the last attempt names the failure; the message lists them all.
        throw new NavigationException(last.error(), "all " + addresses.size() + " addresses failed: "
                + String.join("; ", attempts), last.getCause());
    }

    private static List<String> attemptList(List<String> failed, String success) {
        List<String> all = new ArrayList<>(failed);
        if (success != null) {
            all.add(success);
        }
        return all;
    }

    static String describe(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static double elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    /**
     * Milliseconds already rounded to tenths (see {@link #round}) with their one decimal, as the
     * connectMs detail holds them, so the line and the detail say the same number. Not
     * String.format: every new connection writes this line, and a Formatter (its pattern parsed
     * each time) was most of the connector's own work.
     */
    static String tenths(double roundedMillis) {
        long tenths = Math.round(roundedMillis * 10);
        return tenths / 10 + "." + tenths % 10;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The attempt already failed; there is nothing left to release.
        }
    }
}
