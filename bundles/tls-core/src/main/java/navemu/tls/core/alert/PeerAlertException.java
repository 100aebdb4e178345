package navemu.tls.core.alert;

import java.io.IOException;

import navemu.api.NetError;

/**
 * The peer sent a fatal alert (RFC 8446 §6.2). Nothing is sent back: the connection is over.
 * {@code description} is null for an alert code this client does not know, which §6 says to
 * treat as an error alert too.
 */
public class PeerAlertException extends IOException {
    private static final long serialVersionUID = 1L;

    private final AlertDescription description;
    private final int code;

    public PeerAlertException(int level, int code) {
        super("the server sent a fatal alert: " + describe(code) + (level == AlertDescription.LEVEL_FATAL ? "" : " (level " + level + ")"));
        this.code = code;
        this.description = AlertDescription.of(code);
    }

    public AlertDescription description() {
        return description;
    }

    public int code() {
        return code;
    }

    public NetError error() {
        return AlertErrors.forReceivedAlert(description);
    }

    private static String describe(int code) {
        AlertDescription d = AlertDescription.of(code);
        return d == null ? "unknown alert " + code : d.toString();
    }
}
