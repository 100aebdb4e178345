package navemu.shell.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import navemu.navigator.capture.CapturedConnection;
import navemu.navigator.capture.NavigationCapture;
import navemu.navigator.capture.NavigationCapture.KeyLogLine;

/**
 * A navigation's capture as a pcapng file Wireshark and tshark open: every TCP connection of
 * every hop as packets ({@link TcpPackets}), in time order, and the navigation's TLS key log in a
 * Decryption Secrets Block ahead of them, so that the TLS records decrypt with no other file.
 * When the navigation moved more bytes than the capture keeps, the file's comment says so.
 */
public final class PcapExport {

    /** What was written, for the line the shell prints. */
    public record Summary(int connections, int packets, int keyLogLines, boolean cut) {
    }

    private final byte[] bytes;
    private final Summary summary;

    public PcapExport(String url, NavigationCapture capture) {
        List<CapturedConnection> connections = capture.connections();
        List<TcpPackets.Packet> packets = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            packets.addAll(TcpPackets.of(connections.get(i), i));
        }
        packets.sort(Comparator.comparingLong(TcpPackets.Packet::atNanos)); // stable: a connection's order is kept
        List<KeyLogLine> keyLog = capture.keyLogLines();
        PcapngFile file = new PcapngFile()
                .sectionHeader("navemu", comment(url, connections.size(), keyLog.size(), capture))
                .ethernetInterface("navemu: the navigation's connections, as sent and received");
        if (!keyLog.isEmpty()) {
            file.decryptionSecrets(PcapngFile.TLS_KEY_LOG, nssKeyLog(keyLog));
        }
        for (TcpPackets.Packet packet : packets) {
            file.packet(capture.instantOf(packet.atNanos()), packet.frame(), packet.comment());
        }
        this.bytes = file.bytes();
        this.summary = new Summary(connections.size(), packets.size(), keyLog.size(), capture.cut());
    }

    public byte[] bytes() {
        return bytes;
    }

    public Summary summary() {
        return summary;
    }

    private static String comment(String url, int connections, int keyLogLines, NavigationCapture capture) {
        String text = "navemu: " + url + ", " + connections + (connections == 1 ? " connection" : " connections")
                + "; TCP handshakes and segmentation synthesised around the bytes navemu sent and received; "
                + (keyLogLines == 0 ? "no TLS secrets" : keyLogLines + " TLS key log lines embedded");
        long reused = capture.connections().stream().filter(CapturedConnection::beganEarlier).count();
        if (reused > 0) {
            text += "; " + reused + (reused == 1 ? " connection" : " connections") + " began in an earlier navigation"
                    + " (reused): its TCP and TLS handshakes are in that navigation's capture";
        }
        if (capture.cut()) {
            text += "; CUT: only the first " + capture.byteLimit() + " bytes of the navigation were kept";
        }
        return text;
    }

    /** The NSS key log format: {@code LABEL <client random hex> <secret hex>}, one line each. */
    private static byte[] nssKeyLog(List<KeyLogLine> lines) {
        StringBuilder text = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (KeyLogLine line : lines) {
            text.append(line.label()).append(' ').append(hex.formatHex(line.clientRandom())).append(' ')
                    .append(hex.formatHex(line.secret())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
