package navemu.tls.core.handshake;

/**
 * One handshake message as framed on the wire (RFC 8446 §4): {@code msg_type} (1 byte),
 * {@code length} (3 bytes), body. Kept as received, so the transcript hashes the exact bytes.
 */
public record HandshakeMessage(int typeCode, byte[] body) {

    public static HandshakeMessage of(HandshakeType type, byte[] body) {
        return new HandshakeMessage(type.code(), body);
    }

    public HandshakeType type() {
        return HandshakeType.of(typeCode);
    }

    public String name() {
        return HandshakeType.nameOf(typeCode);
    }

    /** Length on the wire, header included. */
    public int length() {
        return 4 + body.length;
    }

    public byte[] encode() {
        byte[] out = new byte[4 + body.length];
        out[0] = (byte) typeCode;
        out[1] = (byte) (body.length >>> 16);
        out[2] = (byte) (body.length >>> 8);
        out[3] = (byte) body.length;
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }
}
