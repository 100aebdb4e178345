package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Issue 2's "done means", end to end: the real jar, the real Felix, the real bundles, the lab
 * world on loopback.
 */
@Timeout(300)
class WalkingSkeletonIT {

    /** One navemu home for the class: the lab CA is made once and reused, as between a user's runs. */
    @TempDir
    static Path home;

    @Test
    void openTheLabSiteAsJsonFillsEveryKeyOfTheResultWithRealValues() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "open https://www.lab.test/");

        assertEquals(0, run.exitCode(), run.toString());
        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        assertEquals(200, r.get("status").getAsInt());
        assertEquals("https://www.lab.test/", r.get("url").getAsString());
        for (String key : List.of("url", "finalUrl", "ok", "error", "status", "composition", "steps", "tls", "cert", "hsts", "http", "redirects")) {
            assertTrue(r.has(key), "result has key " + key + ": " + r);
        }
        JsonObject composition = r.getAsJsonObject("composition");
        for (String slot : List.of("dns", "tcp", "tls", "cert", "hsts", "session")) {
            assertTrue(composition.has(slot), "composition names slot " + slot);
        }
        List<String> steps = r.getAsJsonArray("steps").asList().stream()
                .map(s -> s.getAsJsonObject().get("step").getAsString()).toList();
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "http"), steps);
        JsonObject dns = r.getAsJsonArray("steps").get(1).getAsJsonObject();
        assertEquals("127.0.0.1", dns.getAsJsonObject("detail").getAsJsonArray("addresses").get(0).getAsString());
        JsonObject tcp = r.getAsJsonArray("steps").get(2).getAsJsonObject();
        assertTrue(tcp.getAsJsonObject("detail").get("portSource").getAsString().toLowerCase().contains("https"),
                "the port comes from the HTTPS record, and the trace says so: " + tcp);
        assertEquals(1, tcp.get("rtts").getAsInt());
        JsonObject tls = r.getAsJsonObject("tls");
        assertTrue(tls.get("version").getAsString().startsWith("TLSv1."));
        assertEquals("www.lab.test", tls.get("sni").getAsString());
        assertTrue(tls.getAsJsonArray("messages").size() >= 2, "handshake messages recorded: " + tls);
        JsonObject cert = r.getAsJsonObject("cert");
        assertTrue(cert.get("valid").getAsBoolean(), cert.toString());
        assertTrue(cert.get("subject").getAsString().contains("www.lab.test") || cert.getAsJsonArray("san").toString().contains("www.lab.test"));
        assertEquals(200, r.getAsJsonObject("http").get("status").getAsInt());
    }

    @Test
    void slotsListsAllSixSlotsWithTheirImplementations() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "slots");

        assertEquals(0, run.exitCode(), run.toString());
        for (String word : List.of("hsts", "dns", "tcp", "tls", "cert", "session", "dnsjava", "socket", "jsse")) {
            assertTrue(run.stdout().contains(word), "slots shows " + word + "\n" + run);
        }
    }

    @Test
    void stoppingTheActiveBundleEmptiesTheSlotAndStartingItBringsItBack() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "use tls jsse",
                "-c", "stop navemu-tls-jsse",
                "-c", "open https://www.lab.test/",
                "-c", "start navemu-tls-jsse",
                "-c", "open https://www.lab.test/");

        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        assertFalse(results.get(0).get("ok").getAsBoolean());
        assertTrue(results.get(0).get("errorMessage").getAsString().contains("slot tls"), results.get(0).toString());
        assertTrue(results.get(1).get("ok").getAsBoolean(), results.get(1).toString());
    }

    @Test
    void compareRunsBothCompositionsAndPrintsBothResults() throws Exception {
        NavemuProcess.Outcome json = NavemuProcess.run(home, "--json", "-c", "compare https://www.lab.test/ hsts=memory vs hsts=off");
        NavemuProcess.Outcome human = NavemuProcess.run(home, "-c", "compare https://www.lab.test/ hsts=memory vs hsts=off");

        List<JsonObject> results = json.jsonLines();
        assertEquals(2, results.size(), json.toString());
        assertEquals("memory", results.get(0).getAsJsonObject("composition").get("hsts").getAsString());
        assertEquals("off", results.get(1).getAsJsonObject("composition").get("hsts").getAsString());
        assertEquals(0, human.exitCode(), human.toString());
        assertTrue(human.stdout().contains("memory") && human.stdout().contains("off"), human.toString());
    }

    @Test
    void aScriptWhoseExpectationsHoldExitsZero() throws Exception {
        Path script = home.resolve("good.nav");
        Files.writeString(script, "# the lab's front page\nopen https://www.lab.test/\nexpect status == 200\nexpect tls.version ~ TLSv1.\n");

        NavemuProcess.Outcome run = NavemuProcess.run(home, "--script", script.toString());

        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void aFalseExpectationExitsOneNamingTheLine() throws Exception {
        Path script = home.resolve("bad.nav");
        Files.writeString(script, "open https://www.lab.test/\n\nexpect status == 404\n");

        NavemuProcess.Outcome run = NavemuProcess.run(home, "--script", script.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue((run.stdout() + run.stderr()).contains(":3"), "the message names line 3\n" + run);
    }

    @Test
    void failuresCarryBrowserErrorCodes() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "open https://nosuch.lab.test/",
                "-c", "open https://127.0.0.1:1/");

        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        assertEquals("ERR_NAME_NOT_RESOLVED", results.get(0).get("error").getAsString());
        assertEquals("ERR_CONNECTION_REFUSED", results.get(1).get("error").getAsString());
    }

    @Test
    void aBadUrlGetsAClearMessage() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "open ftp//nowhere");

        assertTrue((run.stdout() + run.stderr()).contains("ERR_INVALID_URL") || (run.stdout() + run.stderr()).contains("not an absolute URL"),
                run.toString());
    }

    @Test
    void aUsageErrorExitsTwo() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--no-such-option");

        assertEquals(2, run.exitCode(), run.toString());
        assertNotEquals("", run.stderr() + run.stdout());
    }

    static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
