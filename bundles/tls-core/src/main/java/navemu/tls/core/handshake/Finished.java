package navemu.tls.core.handshake;

/** Finished (RFC 8446 §4.4.4): {@code opaque verify_data[Hash.length];}. */
public record Finished(byte[] verifyData) {

    public byte[] encode() {
        return verifyData.clone();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.FINISHED, encode());
    }

    /** The body is the verify_data; its length is checked by the caller, who knows Hash.length. */
    public static Finished decode(byte[] body) {
        return new Finished(body.clone());
    }
}
