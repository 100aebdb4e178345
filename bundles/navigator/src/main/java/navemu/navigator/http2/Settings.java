package navemu.navigator.http2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SETTINGS parameters (RFC 9113 §6.5.2): the values Chrome sends, and the peer's as they arrive.
 */
final class Settings {
    static final int HEADER_TABLE_SIZE = 0x1;
    static final int ENABLE_PUSH = 0x2;
    static final int MAX_CONCURRENT_STREAMS = 0x3;
    static final int INITIAL_WINDOW_SIZE = 0x4;
    static final int MAX_FRAME_SIZE = 0x5;
    static final int MAX_HEADER_LIST_SIZE = 0x6;

    /** §6.5.2 and §6.9.2: the defaults until the peer's SETTINGS say otherwise. */
    static final int DEFAULT_HEADER_TABLE_SIZE = 4096;
    static final int DEFAULT_WINDOW = 65_535;
    static final int DEFAULT_MAX_FRAME_SIZE = 16_384;
    static final int MAX_ALLOWED_FRAME_SIZE = 16_777_215;
    static final long MAX_WINDOW = 0x7fffffffL;

    // Chrome's first SETTINGS frame, in Chrome's order (its Akamai fingerprint 1:65536;2:0;4:6291456;6:262144).
    static final int OUR_HEADER_TABLE_SIZE = 65_536;
    static final int OUR_INITIAL_WINDOW_SIZE = 6_291_456;
    static final int OUR_MAX_HEADER_LIST_SIZE = 262_144;
    /** Chrome's WINDOW_UPDATE on stream 0 right after SETTINGS: the connection window becomes 15 MiB. */
    static final int OUR_CONNECTION_WINDOW_INCREMENT = 15_663_105;
    /** We never send SETTINGS_MAX_FRAME_SIZE, so the largest frame the server may send us is the default. */
    static final int OUR_MAX_FRAME_SIZE = DEFAULT_MAX_FRAME_SIZE;

    static final int[][] CHROME = {
            {HEADER_TABLE_SIZE, OUR_HEADER_TABLE_SIZE},
            {ENABLE_PUSH, 0},
            {INITIAL_WINDOW_SIZE, OUR_INITIAL_WINDOW_SIZE},
            {MAX_HEADER_LIST_SIZE, OUR_MAX_HEADER_LIST_SIZE},
    };

    private Settings() {
    }

    static String name(int id) {
        return switch (id) {
            case HEADER_TABLE_SIZE -> "HEADER_TABLE_SIZE";
            case ENABLE_PUSH -> "ENABLE_PUSH";
            case MAX_CONCURRENT_STREAMS -> "MAX_CONCURRENT_STREAMS";
            case INITIAL_WINDOW_SIZE -> "INITIAL_WINDOW_SIZE";
            case MAX_FRAME_SIZE -> "MAX_FRAME_SIZE";
            case MAX_HEADER_LIST_SIZE -> "MAX_HEADER_LIST_SIZE";
            case 0x8 -> "ENABLE_CONNECT_PROTOCOL";
            case 0x9 -> "NO_RFC7540_PRIORITIES";
            default -> String.format("0x%x", id);
        };
    }

    /** A SETTINGS payload's parameters in order, by name (§6.5.1: six octets each). */
    static Map<String, Long> parse(Frame frame) {
        Map<String, Long> values = new LinkedHashMap<>();
        byte[] p = frame.payload();
        for (int at = 0; at + 6 <= p.length; at += 6) {
            int id = ((p[at] & 0xff) << 8) | (p[at + 1] & 0xff);
            values.put(name(id), frame.uint32(at + 2));
        }
        return values;
    }
}
