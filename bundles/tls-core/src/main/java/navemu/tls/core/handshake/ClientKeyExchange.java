package navemu.tls.core.handshake;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * TLS 1.2 ClientKeyExchange (RFC 5246 §7.4.7): its body depends on the key exchange, so the
 * record keeps the exchange's one value —
 * RSA: {@code opaque EncryptedPreMasterSecret<0..2^16-1>} (§7.4.7.1);
 * ECDHE: {@code opaque point<1..2^8-1>} (RFC 8422 §5.7).
 */
public record ClientKeyExchange(boolean rsa, byte[] exchangeKeys) {

    public static ClientKeyExchange rsa(byte[] encryptedPreMasterSecret) {
        return new ClientKeyExchange(true, encryptedPreMasterSecret);
    }

    public static ClientKeyExchange ecdhe(byte[] point) {
        return new ClientKeyExchange(false, point);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        return (rsa ? w.opaque16(exchangeKeys) : w.opaque8(exchangeKeys)).toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.CLIENT_KEY_EXCHANGE, encode());
    }

    public static ClientKeyExchange decode(byte[] body, boolean rsa) throws TlsAlertException {
        WireReader r = new WireReader(body, "ClientKeyExchange");
        ClientKeyExchange cke = new ClientKeyExchange(rsa, rsa ? r.opaque16() : r.opaque8());
        r.expectEnd();
        return cke;
    }
}
