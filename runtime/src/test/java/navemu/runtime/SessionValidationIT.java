package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import navemu.lab.LabWorld;

/**
 * Issue 11, end to end through the real jar: resumption never bypasses certificate validation.
 * The repro of the issue, turned into tests: a session made while {@code cert insecure} let an
 * expired certificate through must not resume to 200 on an HSTS host, nor under {@code cert pkix},
 * nor after a restart with {@code session file}; and a resumed connection's
 * Strict-Transport-Security header is processed.
 *
 * <p>For the restart, the servers must outlive navemu as real ones outlive a browser: this test
 * runs its own lab (same home, so the same lab CA that navemu trusts; its own ports and session
 * caches, which stay across navemu's restart), reached by URLs with its ports.
 */
@Timeout(600)
class SessionValidationIT {

    private static final List<String> EXPIRED_RESUMING = List.of("expired-tls12.lab.test", "expired-resume.lab.test");

    @TempDir
    static Path home;
    private static LabWorld outlivingLab;

    @BeforeAll
    static void startTheLabThatOutlivesNavemu() throws Exception {
        outlivingLab = LabWorld.start(home, Path.of("../config"));
    }

    @AfterAll
    static void stop() {
        outlivingLab.close();
    }

    private static String url(String host) {
        return "https://" + host + ":" + outlivingLab.port(host) + "/";
    }

    @Test
    void aLenientVisitToAnExpiredHstsHostNeverResumesTo200() throws Exception {
        for (String host : EXPIRED_RESUMING) {
            NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use tls browser", "-c", "use cert insecure",
                    "-c", "hsts add " + host, "-c", "open https://" + host + "/", "-c", "open https://" + host + "/");

            List<JsonObject> results = run.jsonLines();
            assertEquals(2, results.size(), run.toString());
            for (JsonObject result : results) {
                assertEquals("ERR_CERT_DATE_INVALID", result.get("error").getAsString(), host + ": " + result);
            }
        }
    }

    @Test
    void aSessionMadeUnderInsecureDoesNotResumeUnderPkix() throws Exception {
        for (String host : EXPIRED_RESUMING) {
            NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use tls browser", "-c", "use cert insecure",
                    "-c", "open https://" + host + "/", "-c", "use cert pkix", "-c", "open https://" + host + "/");

            List<JsonObject> results = run.jsonLines();
            assertEquals(2, results.size(), run.toString());
            assertTrue(results.get(0).get("ok").getAsBoolean(), "insecure lets it through: " + results.get(0));
            assertEquals("ERR_CERT_DATE_INVALID", results.get(1).get("error").getAsString(), host + ": " + results.get(1));
        }
    }

    @Test
    void aSessionMadeUnderInsecureDoesNotResumeUnderPkixAfterARestartWithTheSessionFile() throws Exception {
        for (String host : EXPIRED_RESUMING) {
            NavemuProcess.Outcome lenient = NavemuProcess.run(home, "--json", "-c", "use tls browser", "-c", "use session file",
                    "-c", "use cert insecure", "-c", "open " + url(host));
            assertTrue(lenient.onlyJson().get("ok").getAsBoolean(), lenient.toString());

            NavemuProcess.Outcome strict = NavemuProcess.run(home, "--json", "-c", "use tls browser", "-c", "use session file",
                    "-c", "open " + url(host));

            JsonObject result = strict.onlyJson();
            assertEquals("ERR_CERT_DATE_INVALID", result.get("error").getAsString(), host + ": " + strict);
        }
    }

    @Test
    void aGoodSessionResumesAfterARestartAndItsStoredChainIsReValidatedByPkix() throws Exception {
        for (String host : List.of("tls12.lab.test", "resume.lab.test")) {
            NavemuProcess.Outcome first = NavemuProcess.run(home, "--json", "-c", "use tls browser", "-c", "use session file",
                    "-c", "open " + url(host));
            assertTrue(first.onlyJson().get("ok").getAsBoolean(), first.toString());
            String file = Files.readString(home.resolve("sessions.json"));
            assertTrue(file.contains("\"certificate\"") && file.contains("\"chain\""), "the chain is kept with the session: " + file);

            NavemuProcess.Outcome second = NavemuProcess.run(home, "--json", "-c", "use tls browser", "-c", "use session file",
                    "-c", "open " + url(host));

            JsonObject result = second.onlyJson();
            assertTrue(result.get("ok").getAsBoolean(), second.toString());
            assertTrue(result.getAsJsonObject("tls").get("resumed").getAsBoolean(), host + " resumes after the restart: " + second);
            JsonObject cert = result.getAsJsonObject("cert");
            assertEquals("pkix", cert.get("validator").getAsString(), "the verdict is pkix's on the stored chain: " + cert);
            assertTrue(cert.get("valid").getAsBoolean());
            assertTrue(cert.getAsJsonArray("problems").isEmpty(), cert.toString());
        }
    }

    @Test
    void aResumedConnectionsStrictTransportSecurityIsProcessed() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use tls browser",
                "-c", "open https://resume.lab.test/", "-c", "hsts delete resume.lab.test",
                "-c", "open --new-connection https://resume.lab.test/");

        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        JsonObject resumed = results.get(1);
        assertTrue(resumed.getAsJsonObject("tls").get("resumed").getAsBoolean(), resumed.toString());
        JsonObject hsts = resumed.getAsJsonObject("hsts");
        assertTrue(hsts.get("stored").getAsBoolean(), "the resumed visit stores the header again: " + hsts);
        assertFalse(hsts.get("note").getAsString().contains("certificate error"), hsts.toString());
    }
}
