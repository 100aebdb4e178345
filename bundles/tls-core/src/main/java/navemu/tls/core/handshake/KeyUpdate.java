package navemu.tls.core.handshake;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;

/** KeyUpdate (RFC 8446 §4.6.3): {@code enum { update_not_requested(0), update_requested(1) } request_update;}. */
public record KeyUpdate(boolean updateRequested) {

    public byte[] encode() {
        return new byte[] {(byte) (updateRequested ? 1 : 0)};
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.KEY_UPDATE, encode());
    }

    public static KeyUpdate decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "KeyUpdate");
        int v = r.u8();
        r.expectEnd();
        if (v > 1) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "KeyUpdate request_update must be 0 or 1, got " + v + " (RFC 8446 §4.6.3)");
        }
        return new KeyUpdate(v == 1);
    }
}
