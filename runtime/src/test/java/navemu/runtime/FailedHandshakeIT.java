package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * Issue 13, end to end: a handshake the client ends at the certificate reports what the
 * ServerHello settled and the alert it sent, in the JSON, the summary, {@code explain} and
 * {@code record}.
 */
@Timeout(300)
class FailedHandshakeIT {

    @TempDir
    static Path home;

    @Test
    void theExpiredSiteReportsTls13X25519AndTheCertificateExpiredAlert() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "open https://expired.lab.test/");

        JsonObject r = run.onlyJson();
        assertEquals("ERR_CERT_DATE_INVALID", r.get("error").getAsString(), run.toString());
        JsonObject tls = r.getAsJsonObject("tls");
        assertEquals("TLSv1.3", tls.get("version").getAsString(), tls.toString());
        assertEquals("x25519", tls.get("group").getAsString(), tls.toString());
        assertEquals("ECDHE", tls.get("keyExchange").getAsString(), tls.toString());
        assertTrue(tls.get("cipherSuite").getAsString().startsWith("TLS_"), tls.toString());
        assertEquals("certificate_expired", tls.get("alertSent").getAsString(), tls.toString());
        assertTrue(tls.get("alertReason").getAsString().contains("validity"), tls.toString());
        assertEquals("Certificate", tls.get("failedAt").getAsString(), tls.toString());
        assertFalse(tls.getAsJsonArray("messages").toString().contains("Finished"), "no Finished went either way: " + tls);
    }

    @Test
    void theSummaryExplainAndRecordTellWhatWasNegotiatedNotNull() throws Exception {
        Path script = home.resolve("expired.navemu");
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "record " + script, "-c", "open https://expired.lab.test/",
                "-c", "record stop", "-c", "explain");

        String out = run.stdout();
        assertTrue(out.contains("tls   TLSv1.3 · TLS_"), run.toString());
        assertTrue(out.contains("group x25519"), run.toString());
        assertTrue(out.contains("sent certificate_expired alert"), run.toString());
        assertFalse(out.contains("null · null"), run.toString());
        String explained = out.replaceAll("\\s+", " ");
        assertTrue(explained.contains("The handshake stopped at Certificate. The client sent a fatal certificate_expired alert"), run.toString());
        assertFalse(explained.contains("pre-master secret"), "a TLS 1.3 handshake has none: " + run);
        assertFalse(explained.contains("Each side then sent Finished"), "no Finished went: " + run);
        String recorded = Files.readString(script);
        assertTrue(recorded.contains("expect tls.version == TLSv1.3"), recorded);
        assertFalse(recorded.contains("expect tls.version == null"), recorded);
    }
}
