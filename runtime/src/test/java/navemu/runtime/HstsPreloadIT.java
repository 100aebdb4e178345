package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** The lab's preloaded host, end to end: the preload list upgrades it on the first visit, before any header. */
@Timeout(300)
class HstsPreloadIT {

    @TempDir
    Path home;

    @Test
    void thePreloadListUpgradesPreloadLabTestBeforeAnythingIsSent() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use hsts preload",
                "-c", "open http://preload.lab.test/");

        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        assertEquals(200, r.get("status").getAsInt(), run.toString());
        assertEquals("https://preload.lab.test/", r.get("finalUrl").getAsString(), run.toString());
        assertTrue(r.getAsJsonObject("hsts").get("upgraded").getAsBoolean(), "upgraded by the list: " + run);
        JsonObject redirect = r.getAsJsonArray("redirects").get(0).getAsJsonObject();
        assertTrue(redirect.get("internal").getAsBoolean(), "a browser-internal 307, not the site's 301: " + run);
    }

    @Test
    void withoutTheListTheSitesOwnRedirectTakesPlainHttpToHttps() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use hsts memory",
                "-c", "open http://preload.lab.test/");

        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        assertEquals("https://preload.lab.test/", r.get("finalUrl").getAsString(), run.toString());
        assertFalse(r.getAsJsonObject("hsts").get("upgraded").getAsBoolean(), run.toString());
        assertEquals(301, r.getAsJsonArray("redirects").get(0).getAsJsonObject().get("status").getAsInt(), run.toString());
    }
}
