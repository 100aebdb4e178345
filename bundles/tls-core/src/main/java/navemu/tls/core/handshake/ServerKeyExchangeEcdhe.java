package navemu.tls.core.handshake;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * TLS 1.2 ServerKeyExchange for ECDHE (RFC 8422 §5.4, signature as in RFC 5246 §7.4.3):
 * <pre>
 * ECParameters: ECCurveType curve_type = named_curve(3); NamedCurve namedcurve;
 * ECPoint public: opaque point&lt;1..2^8-1&gt;;
 * DigitallySigned: SignatureAndHashAlgorithm algorithm; opaque signature&lt;0..2^16-1&gt;;
 * </pre>
 * The signature covers {@code ClientHello.random + ServerHello.random + ServerECDHParams}.
 */
public record ServerKeyExchangeEcdhe(int namedCurve, byte[] point, int signatureAlgorithm, byte[] signature) {

    public static final int NAMED_CURVE = 3;

    /** ServerECDHParams as encoded: curve_type, named curve, point. */
    public byte[] params() {
        return new WireWriter().u8(NAMED_CURVE).u16(namedCurve).opaque8(point).toByteArray();
    }

    /** What the server signed (RFC 8422 §5.4). */
    public byte[] signedContent(byte[] clientRandom, byte[] serverRandom) {
        return new WireWriter().bytes(clientRandom).bytes(serverRandom).bytes(params()).toByteArray();
    }

    public byte[] encode() {
        return new WireWriter().bytes(params()).u16(signatureAlgorithm).opaque16(signature).toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.SERVER_KEY_EXCHANGE, encode());
    }

    public static ServerKeyExchangeEcdhe decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "ServerKeyExchange");
        int curveType = r.u8();
        if (curveType != NAMED_CURVE) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "ServerKeyExchange curve_type " + curveType + "; only named_curve(3) is allowed (RFC 8422 §5.4)");
        }
        int curve = r.u16();
        byte[] point = r.opaque8();
        if (point.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty ECPoint (RFC 8422 §5.4: <1..2^8-1>)");
        }
        ServerKeyExchangeEcdhe ske = new ServerKeyExchangeEcdhe(curve, point, r.u16(), r.opaque16());
        r.expectEnd();
        return ske;
    }
}
