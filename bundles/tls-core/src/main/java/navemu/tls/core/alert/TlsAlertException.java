package navemu.tls.core.alert;

import java.io.IOException;

import navemu.api.NetError;

/**
 * We found the peer breaking the protocol (or rejected what it sent): the handshake must stop
 * and {@link #alert()} is the fatal alert to send (RFC 8446 §6.2). The message says what was
 * expected and what arrived.
 *
 * <p>{@link #error()} overrides the browser error code derived from the alert, e.g. the cert
 * slot's code when a certificate was refused.
 */
public class TlsAlertException extends IOException {
    private static final long serialVersionUID = 1L;

    private final AlertDescription alert;
    private final transient NetError error;

    public TlsAlertException(AlertDescription alert, String message) {
        this(alert, null, message, null);
    }

    public TlsAlertException(AlertDescription alert, String message, Throwable cause) {
        this(alert, null, message, cause);
    }

    public TlsAlertException(AlertDescription alert, NetError error, String message, Throwable cause) {
        super(message, cause);
        this.alert = alert;
        this.error = error;
    }

    public AlertDescription alert() {
        return alert;
    }

    /** The error code the navigation reports: the explicit one, else the one the alert maps to. */
    public NetError error() {
        return error != null ? error : AlertErrors.forSentAlert(alert);
    }
}
