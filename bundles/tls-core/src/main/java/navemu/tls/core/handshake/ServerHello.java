package navemu.tls.core.handshake;

import java.util.Arrays;
import java.util.List;

import org.bouncycastle.util.encoders.Hex;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * ServerHello (RFC 8446 §4.1.3), which is also the shape of a HelloRetryRequest (§4.1.4): a
 * ServerHello whose random is the SHA-256 of "HelloRetryRequest".
 * <pre>
 * ProtocolVersion legacy_version = 0x0303;
 * Random random;
 * opaque legacy_session_id_echo&lt;0..32&gt;;
 * CipherSuite cipher_suite;
 * uint8 legacy_compression_method = 0;
 * Extension extensions&lt;6..2^16-1&gt;;
 * </pre>
 */
public record ServerHello(int legacyVersion, byte[] random, byte[] legacySessionIdEcho, int cipherSuite,
                          int legacyCompressionMethod, List<Extension> extensions) {

    /** The special random of a HelloRetryRequest (RFC 8446 §4.1.3). */
    public static final byte[] HELLO_RETRY_REQUEST_RANDOM = Hex.decode(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");
    /** Last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.2 (§4.1.3). */
    public static final byte[] DOWNGRADE_TLS12 = Hex.decode("444F574E47524401");
    /** Last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.1 or below (§4.1.3). */
    public static final byte[] DOWNGRADE_TLS11 = Hex.decode("444F574E47524400");

    /** opaque legacy_session_id_echo&lt;0..32&gt; (RFC 8446 §4.1.3; session_id in RFC 5246 §7.4.1.3). */
    public static final int MAX_SESSION_ID_LENGTH = 32;

    public ServerHello {
        extensions = List.copyOf(extensions);
    }

    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.u16(legacyVersion).bytes(random).opaque8(legacySessionIdEcho).u16(cipherSuite).u8(legacyCompressionMethod);
        Extension.encodeList(w, extensions);
        return w.toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.SERVER_HELLO, encode());
    }

    public static ServerHello decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "ServerHello");
        int version = r.u16();
        byte[] random = r.bytes(32);
        byte[] sessionId = r.opaque8();
        if (sessionId.length > MAX_SESSION_ID_LENGTH) {
            // The vector is <0..32>: a longer one is malformed, not merely unknown (BoringSSL: decode_error too).
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "ServerHello legacy_session_id_echo is "
                    + sessionId.length + " bytes; a session id has at most 32 (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3)");
        }
        int suite = r.u16();
        int compression = r.u8();
        // A TLS 1.2 ServerHello may omit the extensions block entirely (RFC 5246 §7.4.1.3).
        List<Extension> extensions = r.hasRemaining() ? Extension.decodeList(r) : List.of();
        r.expectEnd();
        return new ServerHello(version, random, sessionId, suite, compression, extensions);
    }

    public Extension extension(int type) {
        return Extension.find(extensions, type);
    }

    /** The message name a learner expects: HelloRetryRequest or ServerHello. */
    public String messageName() {
        return isHelloRetryRequest() ? "HelloRetryRequest" : "ServerHello";
    }
}
