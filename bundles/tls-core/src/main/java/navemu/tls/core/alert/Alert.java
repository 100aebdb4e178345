package navemu.tls.core.alert;

/**
 * One alert message (RFC 8446 §6): {@code AlertLevel level; AlertDescription description;}.
 * {@code description} is null for a code this client does not know.
 */
public record Alert(int level, int code) {

    /**
     * Parses an alert record's fragment. Alerts are never fragmented or coalesced (RFC 8446
     * §5.1), so the fragment is exactly two bytes; anything else is a decode_error.
     */
    public static Alert decode(byte[] fragment) throws TlsAlertException {
        if (fragment.length != 2) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "alert record of " + fragment.length + " bytes; an alert is exactly 2 (RFC 8446 §5.1)");
        }
        return new Alert(fragment[0] & 0xff, fragment[1] & 0xff);
    }

    public AlertDescription description() {
        return AlertDescription.of(code);
    }

    public boolean isCloseNotify() {
        return code == AlertDescription.CLOSE_NOTIFY.code();
    }

    /** user_canceled is the one other alert that does not end the connection by itself (RFC 8446 §6.1). */
    public boolean isUserCanceled() {
        return code == AlertDescription.USER_CANCELED.code();
    }

    public String describe() {
        AlertDescription d = description();
        return (level == AlertDescription.LEVEL_FATAL ? "fatal " : level == AlertDescription.LEVEL_WARNING ? "warning " : "level " + level + " ")
                + (d == null ? "unknown alert " + code : d.toString());
    }
}
