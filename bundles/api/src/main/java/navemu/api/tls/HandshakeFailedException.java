package navemu.api.tls;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.result.TlsInfo;

/**
 * A handshake that failed part-way, with what it had negotiated and the messages exchanged
 * before the failure (the alert included), so the result can show how far it got.
 * TLS implementations throw it where they can; a plain {@link NavigationException} is also fine.
 */
public class HandshakeFailedException extends NavigationException {
    private static final long serialVersionUID = 1L;

    private final transient TlsInfo partial;

    public HandshakeFailedException(NetError error, String message, TlsInfo partial, Throwable cause) {
        super(error, message, cause);
        this.partial = partial;
    }

    /** What was known when the handshake failed; never null. */
    public TlsInfo partial() {
        return partial == null ? TlsInfo.NONE : partial;
    }
}
