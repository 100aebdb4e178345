package navemu.navigator.http2;

/** The frame types of RFC 9113 §6, by their type octet. */
public enum FrameType {
    DATA(0x0),
    HEADERS(0x1),
    PRIORITY(0x2),
    RST_STREAM(0x3),
    SETTINGS(0x4),
    PUSH_PROMISE(0x5),
    PING(0x6),
    GOAWAY(0x7),
    WINDOW_UPDATE(0x8),
    CONTINUATION(0x9);

    public final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The type of {@code code}, or null for an extension type (RFC 9113 §4.1: ignored, never an error). */
    public static FrameType of(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
