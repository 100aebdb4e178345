package navemu.navigator.http2;

/**
 * One HTTP/2 frame (RFC 9113 §4.1): a 9-octet header (length, type, flags, stream identifier)
 * and its payload.
 *
 * @param type     the type octet (see {@link FrameType}; other values are extension frames)
 * @param flags    the flags octet
 * @param streamId the stream identifier, 31 bits (0: the connection)
 * @param payload  the payload, {@code length} octets
 */
public record Frame(int type, int flags, int streamId, byte[] payload) {
    public static final int HEADER_LENGTH = 9;

    // Flags (RFC 9113 §6): the same bit means different things in different frame types.
    public static final int END_STREAM = 0x1;
    public static final int ACK = 0x1;
    public static final int END_HEADERS = 0x4;
    public static final int PADDED = 0x8;
    public static final int PRIORITY = 0x20;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public int length() {
        return payload.length;
    }

    public FrameType frameType() {
        return FrameType.of(type);
    }

    /** The type's name, or {@code UNKNOWN(0xNN)} for an extension frame. */
    public String typeName() {
        FrameType known = frameType();
        return known != null ? known.name() : String.format("UNKNOWN(0x%02x)", type);
    }

    /** The flags by their names for this type, e.g. {@code END_STREAM|END_HEADERS}; empty for none. */
    public String flagNames() {
        StringBuilder names = new StringBuilder();
        FrameType known = frameType();
        if (known == FrameType.SETTINGS || known == FrameType.PING) {
            append(names, ACK, "ACK");
        } else if (known == FrameType.DATA || known == FrameType.HEADERS) {
            append(names, END_STREAM, "END_STREAM");
        }
        if (known == FrameType.HEADERS || known == FrameType.CONTINUATION || known == FrameType.PUSH_PROMISE) {
            append(names, END_HEADERS, "END_HEADERS");
        }
        if (known == FrameType.DATA || known == FrameType.HEADERS || known == FrameType.PUSH_PROMISE) {
            append(names, PADDED, "PADDED");
        }
        if (known == FrameType.HEADERS) {
            append(names, PRIORITY, "PRIORITY");
        }
        return names.toString();
    }

    private void append(StringBuilder names, int flag, String name) {
        if (has(flag)) {
            names.append(names.length() == 0 ? "" : "|").append(name);
        }
    }

    /** The payload's unsigned 32-bit big-endian integer at {@code offset}. */
    long uint32(int offset) {
        return ((payload[offset] & 0xffL) << 24) | ((payload[offset + 1] & 0xffL) << 16)
                | ((payload[offset + 2] & 0xffL) << 8) | (payload[offset + 3] & 0xffL);
    }
}
