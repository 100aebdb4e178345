package navemu.navigator.http2;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trace shows of one frame: its type as the event's name, and the fields a reader of RFC 9113 looks for
 * (flags, stream, and per type the settings, the increment, the error code, the header list).
 * Kept apart from the protocol code, which only calls {@link #of}.
 */
final class FrameNarration {
    /** The trace shows at most this many characters of a decoded header list or GOAWAY debug data. */
    private static final int MAX_TEXT = 2048;

    private FrameNarration() {
    }

    /**
     * @param headers the decoded header list, for a HEADERS frame whose block ended in it (else null)
     */
    static Map<String, String> of(Frame frame, List<Map.Entry<String, String>> headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        String flags = frame.flagNames();
        if (!flags.isEmpty()) {
            fields.put("flags", flags);
        }
        fields.put("stream", Integer.toString(frame.streamId()));
        FrameType type = frame.frameType();
        if (type == null) {
            return fields;
        }
        byte[] p = frame.payload();
        switch (type) {
            case SETTINGS -> Settings.parse(frame).forEach((name, value) -> fields.put(name, Long.toString(value)));
            case WINDOW_UPDATE -> {
                if (p.length == 4) {
                    fields.put("increment", Long.toString(frame.uint32(0) & Settings.MAX_WINDOW));
                }
            }
            case RST_STREAM -> {
                if (p.length == 4) {
                    fields.put("error", ErrorCode.name(frame.uint32(0)));
                }
            }
            case GOAWAY -> {
                if (p.length >= 8) {
                    fields.put("lastStreamId", Long.toString(frame.uint32(0) & Settings.MAX_WINDOW));
                    fields.put("error", ErrorCode.name(frame.uint32(4)));
                    if (p.length > 8) {
                        fields.put("debug", printable(new String(p, 8, p.length - 8, java.nio.charset.StandardCharsets.ISO_8859_1)));
                    }
                }
            }
            case PING -> fields.put("opaque", HexFormat.of().formatHex(p));
            case HEADERS -> {
                if (frame.has(Frame.PRIORITY) && p.length >= 5) {
                    int offset = frame.has(Frame.PADDED) ? 1 : 0;
                    if (p.length >= offset + 5) {
                        long dependency = frame.uint32(offset);
                        fields.put("exclusive", Boolean.toString((dependency & 0x80000000L) != 0));
                        fields.put("dependsOn", Long.toString(dependency & Settings.MAX_WINDOW));
                        fields.put("weight", Integer.toString((p[offset + 4] & 0xff) + 1));
                    }
                }
                if (headers != null) {
                    fields.put("headers", headerList(headers));
                }
            }
            case CONTINUATION -> {
                if (headers != null) {
                    fields.put("headers", headerList(headers));
                }
            }
            default -> {
            }
        }
        return fields;
    }

    /** The header list as {@code name: value} pairs, one after the other, separated by {@code ; }. */
    static String headerList(List<Map.Entry<String, String>> headers) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> field : headers) {
            text.append(text.length() == 0 ? "" : "; ").append(field.getKey()).append(": ").append(field.getValue());
        }
        return printable(text.toString());
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
            if (out.length() >= MAX_TEXT) {
                out.append("…");
                break;
            }
        }
        return out.toString();
    }
}
