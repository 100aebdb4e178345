package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.Alert;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.client.ReceivedAlerts.Meaning;

/** What an alert from the server means: RFC 5246 §7.2 for TLS 1.2, RFC 8446 §6 for TLS 1.3. */
class ReceivedAlertsTest {
    private static final boolean TLS12 = false;
    private static final boolean TLS13 = true;

    private static Alert warning(AlertDescription d) {
        return new Alert(AlertDescription.LEVEL_WARNING, d.code());
    }

    private static Alert fatal(AlertDescription d) {
        return new Alert(AlertDescription.LEVEL_FATAL, d.code());
    }

    @Test
    void closeNotifyEndsTheStreamInBothVersions() throws Exception {
        assertEquals(Meaning.CLOSE, new ReceivedAlerts().meaning(warning(AlertDescription.CLOSE_NOTIFY), TLS12));
        assertEquals(Meaning.CLOSE, new ReceivedAlerts().meaning(warning(AlertDescription.CLOSE_NOTIFY), TLS13));
    }

    @Test
    void inTls12AWarningIsIgnoredAndAFatalAlertIsAnError() throws Exception {
        ReceivedAlerts alerts = new ReceivedAlerts();
        assertEquals(Meaning.IGNORE, alerts.meaning(warning(AlertDescription.UNRECOGNIZED_NAME), TLS12));
        assertEquals(Meaning.IGNORE, alerts.meaning(warning(AlertDescription.NO_RENEGOTIATION), TLS12));
        assertEquals(Meaning.ERROR, alerts.meaning(fatal(AlertDescription.HANDSHAKE_FAILURE), TLS12));
    }

    @Test
    void inTls13OnlyUserCanceledIsIgnoredWhateverTheLevel() throws Exception {
        ReceivedAlerts alerts = new ReceivedAlerts();
        assertEquals(Meaning.IGNORE, alerts.meaning(warning(AlertDescription.USER_CANCELED), TLS13));
        assertEquals(Meaning.ERROR, alerts.meaning(warning(AlertDescription.UNRECOGNIZED_NAME), TLS13));
        assertEquals(Meaning.ERROR, alerts.meaning(new Alert(AlertDescription.LEVEL_WARNING, 254), TLS13), "an unknown alert is an error");
    }

    @Test
    void aFifthIgnoredAlertInARowIsUnexpectedButAnyOtherRecordStartsTheCountAgain() throws Exception {
        ReceivedAlerts alerts = new ReceivedAlerts();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < ReceivedAlerts.MAX_IGNORED_IN_A_ROW; i++) {
                assertEquals(Meaning.IGNORE, alerts.meaning(warning(AlertDescription.UNRECOGNIZED_NAME), TLS12));
            }
            alerts.otherRecord();
        }
        for (int i = 0; i < ReceivedAlerts.MAX_IGNORED_IN_A_ROW; i++) {
            alerts.meaning(warning(AlertDescription.UNRECOGNIZED_NAME), TLS12);
        }
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> alerts.meaning(warning(AlertDescription.UNRECOGNIZED_NAME), TLS12));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }

    @Test
    void anUnknownLevelIsAnIllegalParameter() {
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> new ReceivedAlerts().meaning(new Alert(3, AlertDescription.UNRECOGNIZED_NAME.code()), TLS12));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.alert());
    }
}
