package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** Rules that cross slots, end to end through the real jar: HSTS with certificates and restarts, sessions. */
@Timeout(300)
class BrowserRulesIT {

    @TempDir
    Path home;

    @Test
    void anHstsEntryStoredByTheFileStoreSurvivesARestartOfNavemu() throws Exception {
        NavemuProcess.Outcome first = NavemuProcess.run(home, "--json", "-c", "use hsts file", "-c", "open https://hsts.lab.test/");
        assertTrue(first.onlyJson().getAsJsonObject("hsts").get("stored").getAsBoolean(), first.toString());

        NavemuProcess.Outcome second = NavemuProcess.run(home, "--json", "-c", "use hsts file", "-c", "open http://hsts.lab.test/");

        JsonObject r = second.onlyJson();
        assertTrue(r.getAsJsonObject("hsts").get("upgraded").getAsBoolean(), "upgraded before DNS after a restart: " + second);
        assertTrue(r.getAsJsonArray("redirects").get(0).getAsJsonObject().get("internal").getAsBoolean());
    }

    @Test
    void certificateErrorsOnAnHstsHostCannotBeBypassedEvenWithTheInsecureValidator() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "use cert insecure",
                "-c", "open https://expired.lab.test/",
                "-c", "hsts add expired.lab.test",
                "-c", "open https://expired.lab.test/");

        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        JsonObject lenient = results.get(0);
        assertTrue(lenient.get("ok").getAsBoolean(), "insecure lets the expired certificate through: " + lenient);
        assertTrue(lenient.getAsJsonObject("cert").get("lenient").getAsBoolean());
        assertFalse(lenient.getAsJsonObject("cert").getAsJsonArray("problems").isEmpty(), "and says what it let through");
        JsonObject strict = results.get(1);
        assertEquals("ERR_CERT_DATE_INVALID", strict.get("error").getAsString(), strict.toString());
        assertTrue(strict.get("errorMessage").getAsString().contains("cannot be bypassed"), strict.toString());
    }

    @Test
    void sessionsListsWhatMayBeResumedAndClearForgetsIt() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home,
                "-c", "use tls browser", "-c", "open https://tls12.lab.test/", "-c", "sessions",
                "-c", "sessions clear", "-c", "sessions");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("tls12.lab.test") && run.stdout().contains("TLSv1.2"), run.toString());
        assertTrue(run.stdout().contains("cleared the memory session store"), run.toString());
        assertTrue(run.stdout().contains("no sessions kept"), run.toString());
    }
}
