package navemu.tls.core.handshake;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/** TLS 1.2 ServerHelloDone (RFC 5246 §7.4.5): an empty body. */
public record ServerHelloDone() {

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.SERVER_HELLO_DONE, new byte[0]);
    }

    public static ServerHelloDone decode(byte[] body) throws TlsAlertException {
        if (body.length != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "ServerHelloDone must be empty, has " + body.length + " bytes");
        }
        return new ServerHelloDone();
    }
}
