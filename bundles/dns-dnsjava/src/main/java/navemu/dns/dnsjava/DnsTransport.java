package navemu.dns.dnsjava;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

import navemu.api.trace.NetworkWait;

/**
 * Sends one query to one server the way a stub resolver does: UDP first, the same query again
 * on timeout (up to {@code retries} more times), and TCP when the UDP answer comes back truncated
 * (RFC 1035 §4.2.1, RFC 7766 §5). Every wait is bounded by {@code timeout}.
 *
 * <p>Only the socket's part of an exchange is network time (the waits a caller hands in): the
 * query is encoded before the first wait opens and the answer parsed after the last one closes,
 * so a first query's class loading and parsing is never counted as the network's.
 */
final class DnsTransport {

    /** RFC 6891 §6.2.5 lets a requester advertise more; 1232 is the DNS Flag Day 2020 size that avoids fragmentation. */
    static final int UDP_PAYLOAD = 1232;

    /** Turns a reply's bytes into a checked response: {@link ResponseCheck#parse}. */
    @FunctionalInterface
    interface ResponseParser {
        Message parse(byte[] bytes, int length, Message query, String from, int roundTrips) throws DnsFailure;
    }

    private final Duration timeout;
    private final int retries;
    private final ResponseParser parser;

    DnsTransport(Duration timeout, int retries) {
        this(timeout, retries, ResponseCheck::parse);
    }

    /** @param parser what reads a reply; a test hands in one that watches when it runs */
    DnsTransport(Duration timeout, int retries, ResponseParser parser) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("DNS timeout must be positive, not " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("DNS retries must be 0 or more, not " + retries);
        }
        this.timeout = timeout;
        this.retries = retries;
        this.parser = parser;
    }

    Duration timeout() {
        return timeout;
    }

    int retries() {
        return retries;
    }

    Exchange exchange(Message query, InetSocketAddress server) throws DnsFailure {
        return exchange(query, server, () -> NetworkWait.NONE);
    }

    /**
     * One query to one server; {@code network} opens a wait around each send-and-receive (and
     * the TCP retry's connect, write and read), and only around those.
     */
    Exchange exchange(Message query, InetSocketAddress server, Supplier<NetworkWait> network) throws DnsFailure {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        byte[] wire = query.toWire();
        int roundTrips = 0;
        Message response = null;
        int responseSize = 0;
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int attempt = 0; attempt <= retries && response == null; attempt++) {
                if (attempt > 0) {
                    notes.add("no answer from " + server + " over UDP within " + timeout.toMillis()
                            + " ms; retry " + attempt + " of " + retries);
                }
                DatagramPacket reply;
                try (NetworkWait wait = network.get()) {
                    socket.send(new DatagramPacket(wire, wire.length, server));
                    roundTrips++;
                    reply = awaitReply(socket, query, server, notes, roundTrips);
                }
                if (reply != null) {
                    response = parser.parse(reply.getData(), reply.getLength(), query, "udp " + server,
                            roundTrips);
                    responseSize = reply.getLength();
                }
            }
        } catch (IOException e) {
            throw new DnsFailure(DnsFailure.Kind.NETWORK, "UDP to " + server + " failed: " + e.getMessage(), roundTrips);
        }
        if (response == null) {
            throw new DnsFailure(DnsFailure.Kind.TIMEOUT, "no answer from " + server + " after " + (retries + 1)
                    + " UDP attempt(s) of " + timeout.toMillis() + " ms", roundTrips);
        }
        if (!response.getHeader().getFlag(Flags.TC)) {
            return new Exchange(server, response, "udp", wire.length, responseSize, roundTrips, notes, millisSince(start));
        }
        notes.add("UDP answer from " + server + " was truncated (TC bit); asking again over TCP (RFC 7766 §5)");
        return exchangeTcp(query, wire, server, notes, roundTrips, start, network);
    }

    /** Waits for the datagram that answers our query; stray datagrams are ignored (RFC 5452 §9.1). */
    private DatagramPacket awaitReply(DatagramSocket socket, Message query, InetSocketAddress server,
                                      List<String> notes, int roundTrips) throws IOException, DnsFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65535];
        while (true) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return null;
            }
            socket.setSoTimeout((int) leftMillis);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (!server.equals(packet.getSocketAddress())) {
                notes.add("ignored a datagram from " + packet.getSocketAddress() + ", which we did not ask");
                continue;
            }
            if (ResponseCheck.idDiffers(query, packet.getData(), packet.getLength()) && packet.getLength() >= 12) {
                notes.add("ignored a reply with another ID (RFC 5452 §9.1): a late or forged answer");
                continue;
            }
            return packet;
        }
    }

    private Exchange exchangeTcp(Message query, byte[] wire, InetSocketAddress server, List<String> notes,
                                 int roundTrips, long start, Supplier<NetworkWait> network) throws DnsFailure {
        try (Socket socket = new Socket()) {
            // RFC 1035 §4.2.2: over TCP each message is prefixed by its two-byte length.
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >>> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            byte[] reply;
            int length;
            try (NetworkWait wait = network.get()) {
                roundTrips++; // the TCP handshake
                socket.connect(server, (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(framed);
                out.flush();
                roundTrips++;
                InputStream in = socket.getInputStream();
                DataInputStream data = new DataInputStream(in);
                length = data.readUnsignedShort();
                reply = new byte[length];
                data.readFully(reply);
            }
            Message response = parser.parse(reply, length, query, "tcp " + server, roundTrips);
            return new Exchange(server, response, "tcp", framed.length, length + 2, roundTrips, notes,
                    millisSince(start));
        } catch (SocketTimeoutException e) {
            throw new DnsFailure(DnsFailure.Kind.TIMEOUT, "no TCP answer from " + server + " within "
                    + timeout.toMillis() + " ms", roundTrips);
        } catch (EOFException e) {
            throw new DnsFailure(DnsFailure.Kind.MALFORMED, "rejected a malformed response from tcp " + server
                    + ": the connection closed before a whole message arrived", roundTrips);
        } catch (IOException e) {
            throw new DnsFailure(DnsFailure.Kind.NETWORK, "TCP to " + server + " failed: " + e.getMessage(), roundTrips);
        }
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 100_000.0) / 10.0;
    }
}
