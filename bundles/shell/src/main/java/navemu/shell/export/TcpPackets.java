package navemu.shell.export;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import navemu.navigator.capture.CapturedConnection;
import navemu.navigator.capture.CapturedSegment;

/**
 * One captured connection as the packets a network tap would have seen: Ethernet, IPv4 or IPv6
 * and TCP headers around the bytes navemu really sent and received, with the connection's real
 * addresses and ports. The kernel's packets are not visible to navemu, so they are synthesised
 * the way TCP (RFC 9293) would have sent them: SYN, SYN-ACK, ACK at the connect; each write or
 * read cut into segments of at most {@link #MSS} bytes, acknowledged by the other side; a FIN
 * from each side that closed. Sequence numbers count every byte, so Wireshark reassembles the
 * streams; checksums are computed.
 */
final class TcpPackets {
    /** The usual Ethernet MSS: a 1500-byte MTU less 40 bytes of IPv4 and TCP headers. */
    static final int MSS = 1460;

    private static final byte[] CLIENT_MAC = {0x02, 0, 0, 0, 0, 0x01};
    private static final byte[] SERVER_MAC = {0x02, 0, 0, 0, 0, 0x02};
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    /** One frame and when it crossed the wire; {@code comment} is null unless something must be said. */
    record Packet(long atNanos, byte[] frame, String comment) {
    }

    private final CapturedConnection connection;
    private final InetAddress client;
    private final InetAddress server;
    private final List<Packet> packets = new ArrayList<>();
    private long clientNext;
    private long serverNext;
    private int ipId;

    private TcpPackets(CapturedConnection connection, int number) {
        this.connection = connection;
        this.server = connection.server().getAddress();
        this.client = sameFamily(connection.client().getAddress(), server);
        // Initial sequence numbers differ per connection, as a kernel's would (RFC 9293 §3.4.1).
        this.clientNext = 0x1000_0000L * (number % 15 + 1) & 0xFFFF_FFFFL;
        this.serverNext = 0x8765_4321L + 0x0101_0101L * number & 0xFFFF_FFFFL;
    }

    /** The packets of connection number {@code number} (0, 1, … in the navigation), in time order. */
    static List<Packet> of(CapturedConnection connection, int number) {
        return new TcpPackets(connection, number).build();
    }

    private List<Packet> build() {
        long connected = connection.connectedNanos();
        String continued = null;
        if (connection.beganEarlier()) {
            // A kept-alive connection an earlier navigation made: its connect and TLS handshake are in
            // that navigation's capture; here it goes on mid-stream, and the first packet says so.
            continued = "connection #" + connection.continuedId() + " began in an earlier navigation (reused, HTTP"
                    + " keep-alive): its TCP and TLS handshakes are in that navigation's capture; its TLS secrets"
                    + " are in this file's key log";
        } else {
            send(true, connection.connectStartNanos(), SYN, new byte[0], true, null);
            clientNext++;
            send(false, connected, SYN | ACK, new byte[0], true, null);
            serverNext++;
            send(true, connected, ACK, new byte[0], false, null);
        }
        for (CapturedSegment segment : connection.segments()) {
            byte[] data = segment.data();
            for (int offset = 0; offset < data.length; offset += MSS) {
                int length = Math.min(MSS, data.length - offset);
                byte[] payload = new byte[length];
                System.arraycopy(data, offset, payload, 0, length);
                boolean last = offset + length == data.length;
                send(segment.fromClient(), segment.atNanos(), ACK | (last ? PSH : 0), payload, false, continued);
                continued = null;
                advance(segment.fromClient(), length);
            }
            send(!segment.fromClient(), segment.atNanos(), ACK, new byte[0], false, null);
        }
        close();
        return packets;
    }

    /** FIN from each side that closed, in the order they closed, each acknowledged by the other. */
    private void close() {
        OptionalLong serverClosed = connection.serverClosedNanos();
        OptionalLong clientClosed = connection.clientClosedNanos();
        String cut = connection.bytesNotKept() == 0 ? null
                : "capture cut: " + connection.bytesNotKept() + " more bytes crossed this connection after the"
                        + " navigation's capture limit and were not kept";
        boolean serverFirst = serverClosed.isPresent()
                && (clientClosed.isEmpty() || serverClosed.getAsLong() <= clientClosed.getAsLong());
        if (serverFirst) {
            fin(false, serverClosed.getAsLong(), cut);
            cut = null;
        }
        if (clientClosed.isPresent()) {
            fin(true, clientClosed.getAsLong(), cut);
            cut = null;
        }
        if (serverClosed.isPresent() && !serverFirst) {
            fin(false, serverClosed.getAsLong(), null);
        }
        if (cut != null) {
            // Nobody closed the connection: the note goes on its last packet.
            Packet last = packets.remove(packets.size() - 1);
            packets.add(new Packet(last.atNanos(), last.frame(), cut));
        }
    }

    private void fin(boolean fromClient, long at, String comment) {
        send(fromClient, at, FIN | ACK, new byte[0], false, comment);
        advance(fromClient, 1);
        send(!fromClient, at, ACK, new byte[0], false, null);
    }

    private void advance(boolean fromClient, int length) {
        if (fromClient) {
            clientNext = clientNext + length & 0xFFFF_FFFFL;
        } else {
            serverNext = serverNext + length & 0xFFFF_FFFFL;
        }
    }

    private void send(boolean fromClient, long at, int flags, byte[] payload, boolean mssOption, String comment) {
        InetSocketAddress from = fromClient ? connection.client() : connection.server();
        InetSocketAddress to = fromClient ? connection.server() : connection.client();
        byte[] tcp = tcpSegment(from.getPort(), to.getPort(), fromClient ? clientNext : serverNext,
                (flags & ACK) == 0 ? 0 : fromClient ? serverNext : clientNext, flags, payload, mssOption);
        InetAddress source = fromClient ? client : server;
        InetAddress destination = fromClient ? server : client;
        setTcpChecksum(tcp, source, destination);
        byte[] ip = server instanceof Inet6Address ? ipv6(source, destination, tcp) : ipv4(source, destination, tcp);
        ByteBuffer frame = ByteBuffer.allocate(14 + ip.length);
        frame.put(fromClient ? SERVER_MAC : CLIENT_MAC).put(fromClient ? CLIENT_MAC : SERVER_MAC)
                .putShort((short) (server instanceof Inet6Address ? 0x86DD : 0x0800)).put(ip);
        packets.add(new Packet(at, frame.array(), comment));
    }

    private static byte[] tcpSegment(int sourcePort, int destinationPort, long seq, long ack, int flags, byte[] payload,
                                     boolean mssOption) {
        int headerLength = mssOption ? 24 : 20;
        ByteBuffer tcp = ByteBuffer.allocate(headerLength + payload.length);
        tcp.putShort((short) sourcePort).putShort((short) destinationPort).putInt((int) seq).putInt((int) ack)
                .put((byte) (headerLength / 4 << 4)).put((byte) flags).putShort((short) 0xFFFF) // window
                .putShort((short) 0).putShort((short) 0); // checksum (set later), urgent pointer
        if (mssOption) {
            tcp.put((byte) 2).put((byte) 4).putShort((short) MSS); // RFC 9293 §3.7.1: Maximum Segment Size
        }
        tcp.put(payload);
        return tcp.array();
    }

    private byte[] ipv4(InetAddress source, InetAddress destination, byte[] tcp) {
        ByteBuffer ip = ByteBuffer.allocate(20 + tcp.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcp.length)).putShort((short) ipId++)
                .putShort((short) 0x4000) // don't fragment
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(source.getAddress()).put(destination.getAddress());
        byte[] bytes = ip.array();
        int checksum = checksum(bytes, 0, 20, 0);
        bytes[10] = (byte) (checksum >> 8);
        bytes[11] = (byte) checksum;
        System.arraycopy(tcp, 0, bytes, 20, tcp.length);
        return bytes;
    }

    private static byte[] ipv6(InetAddress source, InetAddress destination, byte[] tcp) {
        ByteBuffer ip = ByteBuffer.allocate(40 + tcp.length);
        ip.putInt(0x6000_0000).putShort((short) tcp.length).put((byte) 6).put((byte) 64)
                .put(source.getAddress()).put(destination.getAddress()).put(tcp);
        return ip.array();
    }

    /** The TCP checksum over the pseudo-header of RFC 9293 §3.1 (IPv4) or RFC 8200 §8.1 (IPv6). */
    private static void setTcpChecksum(byte[] tcp, InetAddress source, InetAddress destination) {
        byte[] src = source.getAddress();
        byte[] dst = destination.getAddress();
        long sum = partialSum(src, 0, src.length) + partialSum(dst, 0, dst.length) + 6 + tcp.length;
        int checksum = checksum(tcp, 0, tcp.length, sum);
        tcp[16] = (byte) (checksum >> 8);
        tcp[17] = (byte) checksum;
    }

    /** The Internet checksum (RFC 1071) of {@code bytes[offset, offset+length)} plus an earlier partial sum. */
    private static int checksum(byte[] bytes, int offset, int length, long earlier) {
        long sum = earlier + partialSum(bytes, offset, length);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) ~sum & 0xFFFF;
    }

    private static long partialSum(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int high = bytes[offset + i] & 0xFF;
            int low = i + 1 < length ? bytes[offset + i + 1] & 0xFF : 0;
            sum += high << 8 | low;
        }
        return sum;
    }

    /** Both ends of a packet carry one address family; a connection whose ends differ is shown from the server's. */
    private static InetAddress sameFamily(InetAddress address, InetAddress like) {
        if (address instanceof Inet6Address == like instanceof Inet6Address) {
            return address;
        }
        try {
            return like instanceof Inet6Address ? InetAddress.getByName("::1") : InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
