package navemu.navigator.http2;

/**
 * The server's SETTINGS (RFC 9113 §6.5): each parameter checked as §6.5.2 says and handed to what
 * it governs, the HPACK encoder's table, the flow-control windows, the size of the frames we send.
 */
final class PeerSettings {
    private final HeaderCodec hpack;
    private final FlowControl flow;
    private int maxFrameSize = Settings.DEFAULT_MAX_FRAME_SIZE;

    PeerSettings(HeaderCodec hpack, FlowControl flow) {
        this.hpack = hpack;
        this.flow = flow;
    }

    /** The largest frame payload the server accepts from us (SETTINGS_MAX_FRAME_SIZE). */
    int maxFrameSize() {
        return maxFrameSize;
    }

    /** Applies a SETTINGS frame's parameters in order; its size and stream were checked by the caller. */
    void apply(Frame frame) throws Http2Error {
        byte[] p = frame.payload();
        for (int at = 0; at < p.length; at += 6) {
            int id = ((p[at] & 0xff) << 8) | (p[at + 1] & 0xff);
            long value = frame.uint32(at + 2);
            switch (id) {
                case Settings.HEADER_TABLE_SIZE -> hpack.peerTableSize(value);
                case Settings.ENABLE_PUSH -> {
                    if (value > 1) {
                        throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "SETTINGS_ENABLE_PUSH " + value + " (RFC 9113 §6.5.2)");
                    }
                }
                case Settings.INITIAL_WINDOW_SIZE -> {
                    if (value > Settings.MAX_WINDOW) {
                        throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "SETTINGS_INITIAL_WINDOW_SIZE " + value
                                + " is above 2^31-1 (RFC 9113 §6.5.2)");
                    }
                    flow.peerInitialWindow(value);
                }
                case Settings.MAX_FRAME_SIZE -> {
                    if (value < Settings.DEFAULT_MAX_FRAME_SIZE || value > Settings.MAX_ALLOWED_FRAME_SIZE) {
                        throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "SETTINGS_MAX_FRAME_SIZE " + value
                                + " is outside 16384..16777215 (RFC 9113 §6.5.2)");
                    }
                    maxFrameSize = (int) value;
                }
                default -> {
                    // MAX_CONCURRENT_STREAMS: we open one stream at a time; others are unknown and ignored (§6.5.2).
                }
            }
        }
    }
}
