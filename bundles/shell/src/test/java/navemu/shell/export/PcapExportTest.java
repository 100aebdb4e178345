package navemu.shell.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;
import navemu.navigator.capture.NavigationCapture;

/**
 * The pcapng file read back block by block (tshark reads it in the end-to-end test): its blocks,
 * the key log in a Decryption Secrets Block before any packet, and TCP as a receiver would check
 * it — the three-way handshake, sequence and acknowledgement numbers that count every byte,
 * segments no larger than the MSS, valid IPv4 and TCP checksums, the FIN — around the exact
 * bytes of a real loopback exchange.
 */
@Timeout(20)
class PcapExportTest {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int DSB = 0x0A;

    private record Block(int type, ByteBuffer body) {
    }

    private record Tcp(int sourcePort, long seq, long ack, int flags, byte[] payload) {
    }

    @Test
    void theFileHoldsTheKeyLogBeforeThePacketsAndTcpCountsEveryByte() throws Exception {
        byte[] request = "GET / HTTP/1.1\r\nHost: www.lab.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] response = ("HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n" + "y".repeat(4000)).getBytes(StandardCharsets.US_ASCII);
        NavigationCapture capture = new NavigationCapture();
        capture.keyLogThen((label, random, secret) -> { }).write("CLIENT_RANDOM", new byte[] {(byte) 0xab}, new byte[] {(byte) 0xcd});
        int serverPort = exchange(capture, request, response);

        PcapExport export = new PcapExport("https://www.lab.test/", capture);
        List<Block> blocks = blocks(export.bytes());

        assertEquals(SHB, blocks.get(0).type());
        assertEquals(IDB, blocks.get(1).type());
        assertEquals(DSB, blocks.get(2).type(), "the secrets come before the packets they decrypt");
        ByteBuffer secrets = blocks.get(2).body();
        assertEquals(0x544c534b, secrets.getInt(0), "secrets type TLSK (NSS key log)");
        int length = secrets.getInt(4);
        assertEquals("CLIENT_RANDOM ab cd\n", new String(secrets.array(), secrets.arrayOffset() + 8, length, StandardCharsets.US_ASCII));

        List<Tcp> packets = new ArrayList<>();
        for (Block block : blocks.subList(3, blocks.size())) {
            assertEquals(EPB, block.type());
            packets.add(tcp(block.body()));
        }
        assertEquals(export.summary().packets(), packets.size());
        assertEquals(1, export.summary().connections());

        // SYN, SYN-ACK, ACK.
        assertEquals(0x02, packets.get(0).flags());
        assertEquals(0x12, packets.get(1).flags());
        assertEquals(packets.get(0).seq() + 1, packets.get(1).ack());
        assertEquals(0x10, packets.get(2).flags());
        assertEquals(serverPort, packets.get(1).sourcePort());

        // Every byte counted: each side's data arrives in order, at the sequence number the other side acknowledged.
        long clientNext = packets.get(0).seq() + 1;
        long serverNext = packets.get(1).seq() + 1;
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        boolean clientFin = false;
        for (Tcp packet : packets.subList(2, packets.size())) {
            boolean fromClient = packet.sourcePort() != serverPort;
            assertEquals(fromClient ? clientNext : serverNext, packet.seq(), "sequence number of " + packet);
            assertEquals(fromClient ? serverNext : clientNext, packet.ack(), "acknowledgement of " + packet);
            assertTrue(packet.payload().length <= TcpPackets.MSS);
            long advance = packet.payload().length + ((packet.flags() & 0x01) != 0 ? 1 : 0);
            if (fromClient) {
                sent.writeBytes(packet.payload());
                clientNext += advance;
                clientFin |= (packet.flags() & 0x01) != 0;
            } else {
                received.writeBytes(packet.payload());
                serverNext += advance;
            }
        }
        assertEquals(new String(request, StandardCharsets.US_ASCII), sent.toString(StandardCharsets.US_ASCII));
        assertEquals(new String(response, StandardCharsets.US_ASCII), received.toString(StandardCharsets.US_ASCII));
        assertTrue(clientFin, "navemu's close is a FIN");
        assertFalse(export.summary().cut());
    }

    @Test
    void aCutCaptureSaysSoInTheFile() throws Exception {
        NavigationCapture capture = new NavigationCapture(100);
        exchange(capture, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                ("HTTP/1.1 200 OK\r\n\r\n" + "z".repeat(500)).getBytes(StandardCharsets.US_ASCII));
        PcapExport export = new PcapExport("https://www.lab.test/", capture);
        assertTrue(export.summary().cut());
        String file = new String(export.bytes(), StandardCharsets.ISO_8859_1);
        assertTrue(file.contains("CUT: only the first 100 bytes"), "the section's comment");
        assertTrue(file.contains("capture cut: "), "a packet's comment on the connection that was cut");
    }

    @Test
    void aConnectionReusedFromAnEarlierNavigationSaysSoHasNoSynAndCarriesItsSecrets() throws Exception {
        byte[] request = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);
        NavigationCapture earlier = new NavigationCapture();
        earlier.keyLogThen((label, random, secret) -> { }).write("CLIENT_RANDOM", new byte[] {(byte) 0xab}, new byte[] {(byte) 0xcd});
        NavigationCapture later = new NavigationCapture();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    for (int i = 0; i < 2; i++) {
                        socket.getInputStream().readNBytes(request.length);
                        socket.getOutputStream().write(response);
                    }
                } catch (IOException ignored) {
                    // the test's assertions say what went wrong
                }
            });
            peer.start();
            try (Connection connection = earlier.connector(new PlainSocket()).connect(
                    List.of(InetAddress.getLoopbackAddress()), server.getLocalPort(), Duration.ofSeconds(5), StepTrace.NONE)) {
                connection.output().write(request);
                connection.input().readNBytes(response.length);
                // The next navigation reuses the kept connection: its capture takes the bytes from here on.
                ((navemu.navigator.capture.ReusedConnectionTap) later.connector(new PlainSocket())).continueOn(connection, 5);
                connection.output().write(request);
                connection.input().readNBytes(response.length);
            }
            peer.join(5000);
        }
        assertEquals(1, earlier.connections().size());
        assertEquals(2 * (request.length + response.length) / 2, earlier.bytesKept(), "the first exchange only");
        PcapExport export = new PcapExport("https://www.lab.test/", later);
        String file = new String(export.bytes(), StandardCharsets.ISO_8859_1);
        assertTrue(file.contains("1 connection began in an earlier navigation (reused)"), "the section's comment");
        assertTrue(file.contains("connection #5 began in an earlier navigation"), "the first packet's comment");
        assertTrue(file.contains("CLIENT_RANDOM ab cd"), "the earlier navigation's secrets, to decrypt it");
        List<Block> blocks = blocks(export.bytes());
        for (Block block : blocks) {
            if (block.type() == EPB) {
                assertEquals(0, tcp(block.body()).flags() & 0x02, "no SYN: the connect was in the earlier navigation");
            }
        }
    }

    /** A real exchange on loopback through the capture's decorated connector; returns the server's port. */
    private static int exchange(NavigationCapture capture, byte[] request, byte[] response) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().readNBytes(request.length);
                    socket.getOutputStream().write(response);
                } catch (IOException ignored) {
                    // the test's assertions say what went wrong
                }
            });
            peer.start();
            TcpConnector connector = capture.connector(new PlainSocket());
            try (Connection connection = connector.connect(List.of(InetAddress.getLoopbackAddress()), server.getLocalPort(),
                    Duration.ofSeconds(5), StepTrace.NONE)) {
                connection.output().write(request);
                connection.output().flush();
                InputStream in = connection.input();
                byte[] buffer = new byte[1024];
                while (in.read(buffer) >= 0) {
                    // read to the server's close
                }
            }
            peer.join(5000);
            return server.getLocalPort();
        }
    }

    private static List<Block> blocks(byte[] file) {
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Block> blocks = new ArrayList<>();
        while (buffer.remaining() > 0) {
            int start = buffer.position();
            int type = buffer.getInt();
            int total = buffer.getInt();
            assertEquals(0, total % 4, "blocks are padded to 32 bits");
            assertEquals(total, buffer.getInt(start + total - 4), "the trailing length repeats the leading one");
            ByteBuffer body = ByteBuffer.wrap(file, start + 8, total - 12).slice().order(ByteOrder.LITTLE_ENDIAN);
            blocks.add(new Block(type, body));
            buffer.position(start + total);
        }
        return blocks;
    }

    /** The TCP segment of an Enhanced Packet Block's Ethernet/IPv4 frame, checksums verified. */
    private static Tcp tcp(ByteBuffer epb) {
        int captured = epb.getInt(12);
        byte[] frame = new byte[captured];
        epb.get(20, frame);
        ByteBuffer packet = ByteBuffer.wrap(frame);
        assertEquals(0x0800, packet.getShort(12) & 0xFFFF, "IPv4 on loopback 127.0.0.1");
        int ipTotal = packet.getShort(16) & 0xFFFF;
        assertEquals(frame.length - 14, ipTotal);
        assertEquals(0, internetSum(frame, 14, 20, 0), "IPv4 header checksum");
        long pseudo = internetPartial(frame, 26, 8) + 6 + (ipTotal - 20);
        assertEquals(0, internetSum(frame, 34, ipTotal - 20, pseudo), "TCP checksum");
        int headerLength = (frame[34 + 12] >> 4 & 0xF) * 4;
        byte[] payload = new byte[ipTotal - 20 - headerLength];
        System.arraycopy(frame, 34 + headerLength, payload, 0, payload.length);
        return new Tcp(packet.getShort(34) & 0xFFFF, packet.getInt(38) & 0xFFFFFFFFL, packet.getInt(42) & 0xFFFFFFFFL,
                frame[34 + 13] & 0xFF, payload);
    }

    private static int internetSum(byte[] bytes, int offset, int length, long earlier) {
        long sum = earlier + internetPartial(bytes, offset, length);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) ~sum & 0xFFFF;
    }

    private static long internetPartial(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += (bytes[offset + i] & 0xFF) << 8 | (i + 1 < length ? bytes[offset + i + 1] & 0xFF : 0);
        }
        return sum;
    }

    /** The tcp slot at its plainest: one socket to the first address. */
    private static final class PlainSocket implements TcpConnector {
        @Override
        public Connection connect(List<InetAddress> addresses, int port, Duration timeout, StepTrace trace) {
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(addresses.get(0), port), (int) timeout.toMillis());
                return new Connection() {
                    @Override public InputStream input() throws IOException { return socket.getInputStream(); }
                    @Override public OutputStream output() throws IOException { return socket.getOutputStream(); }
                    @Override public void setReadTimeout(Duration t) throws IOException { socket.setSoTimeout((int) t.toMillis()); }
                    @Override public InetSocketAddress remote() { return (InetSocketAddress) socket.getRemoteSocketAddress(); }
                    @Override public InetSocketAddress local() { return (InetSocketAddress) socket.getLocalSocketAddress(); }
                    @Override public void close() throws IOException { socket.close(); }
                };
            } catch (IOException e) {
                throw new AssertionError("loopback connect failed", e);
            }
        }
    }
}
