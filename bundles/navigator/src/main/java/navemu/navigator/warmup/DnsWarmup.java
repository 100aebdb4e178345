package navemu.navigator.warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Asks the lab's DNS server one question over UDP, outside every resolver: the JDK's datagram
 * code and the server's message handling are loaded and run once, and no resolver's cache sees
 * the answer. What is asked and answered is thrown away.
 */
public final class DnsWarmup {

    private static final int TIMEOUT_MS = 2_000;

    private DnsWarmup() {
    }

    /** RCODE SERVFAIL (RFC 1035 §4.1.1). */
    public static final int SERVFAIL = 2;

    /** One A query for {@code name} to {@code server}; the answer's RCODE, or -1 when none came. Never throws. */
    public static int ask(InetSocketAddress server, String name) {
        byte[] query = query(name);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MS);
            socket.send(new DatagramPacket(query, query.length, server));
            DatagramPacket answer = new DatagramPacket(new byte[1232], 1232);
            socket.receive(answer);
            return answer.getLength() >= 12 ? answer.getData()[3] & 0x0F : -1;
        } catch (IOException | RuntimeException e) {
            return -1; // a warm-up that fails only leaves the first real query cold
        }
    }

    /** RFC 1035 §4.1: a header with one question (RD set), then QNAME, QTYPE A, QCLASS IN. */
    static byte[] query(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x4e, 0x57, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.writeBytes(new byte[] {0, 0, 1, 0, 1});
        return out.toByteArray();
    }
}
