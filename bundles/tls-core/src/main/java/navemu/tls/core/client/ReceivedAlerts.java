package navemu.tls.core.client;

import navemu.tls.core.alert.Alert;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * What an alert from the server means, by version, and how many harmless ones in a row we put
 * up with. One per connection.
 * <ul>
 * <li>close_notify ends the server's side of the stream (RFC 5246 §7.2.1, RFC 8446 §6.1).</li>
 * <li>TLS 1.2 (and before the version is known): a warning is the server's remark, not an
 * error, and the connection goes on (RFC 5246 §7.2: only fatal alerts end it); a fatal one ends
 * it.</li>
 * <li>TLS 1.3: every alert but close_notify and user_canceled is an error, whatever level it
 * claims (RFC 8446 §6).</li>
 * <li>An alert level other than warning(1) or fatal(2) is an illegal_parameter.</li>
 * </ul>
 * Ignored alerts cost us a record's work each; like BoringSSL ({@code kMaxWarningAlerts} in
 * {@code tls_record.cc}), more than {@value #MAX_IGNORED_IN_A_ROW} in a row with no other record
 * between them is an unexpected_message.
 */
final class ReceivedAlerts {
    static final int MAX_IGNORED_IN_A_ROW = 4;

    enum Meaning {
        /** close_notify: no more data from the server. */
        CLOSE,
        /** A warning to note in the trace and go on. */
        IGNORE,
        /** The server reports an error: the connection is over, nothing is sent back. */
        ERROR
    }

    private int ignoredInARow;

    /** {@code tls13}: TLS 1.3 keys are in place, so TLS 1.3's rules apply. */
    Meaning meaning(Alert alert, boolean tls13) throws TlsAlertException {
        if (alert.level() != AlertDescription.LEVEL_WARNING && alert.level() != AlertDescription.LEVEL_FATAL) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "alert of unknown level " + alert.level() + " (RFC 5246 §7.2, RFC 8446 §6)");
        }
        if (alert.isCloseNotify()) {
            return Meaning.CLOSE;
        }
        boolean harmless = tls13 ? alert.isUserCanceled() : alert.level() == AlertDescription.LEVEL_WARNING;
        if (!harmless) {
            return Meaning.ERROR;
        }
        if (++ignoredInARow > MAX_IGNORED_IN_A_ROW) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "more than " + MAX_IGNORED_IN_A_ROW + " warning alerts in a row");
        }
        return Meaning.IGNORE;
    }

    /** Any record other than an alert ends a run of warnings. */
    void otherRecord() {
        ignoredInARow = 0;
    }
}
