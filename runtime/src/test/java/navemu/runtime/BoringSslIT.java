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

/**
 * BoringSSL (Conscrypt) under the real Felix, through the real jar: its native library loads
 * inside an OSGi bundle, the lab's boringssl sites serve, the {@code boringssl} tls slot connects,
 * and {@code compare} sets it beside our own {@code browser} client.
 */
@Timeout(600)
class BoringSslIT {

    @TempDir
    static Path home;

    @Test
    void theBoringSslClientReachesThePostQuantumSiteWithMlKemUnderFelix() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use tls boringssl",
                "-c", "open https://pq.lab.test/", "-c", "open https://classic.lab.test/");

        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        for (JsonObject result : results) {
            assertTrue(result.get("ok").getAsBoolean(), result.toString());
            assertEquals("boringssl", result.getAsJsonObject("composition").get("tls").getAsString(), result.toString());
            assertEquals("TLSv1.3", result.getAsJsonObject("tls").get("version").getAsString(), result.toString());
        }
        assertEquals("X25519MLKEM768", results.get(0).getAsJsonObject("tls").get("group").getAsString());
        assertEquals("x25519", results.get(1).getAsJsonObject("tls").get("group").getAsString());
    }

    @Test
    void theBoringSslServerResumesOurBrowserClientsTls13Session() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use tls browser",
                "-c", "open https://boring.lab.test/", "-c", "open --new-connection https://boring.lab.test/");

        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        JsonObject first = results.get(0).getAsJsonObject("tls");
        JsonObject second = results.get(1).getAsJsonObject("tls");
        assertTrue(results.get(1).get("ok").getAsBoolean(), results.get(1).toString());
        assertFalse(first.get("resumed").getAsBoolean(), first.toString());
        assertTrue(second.get("resumed").getAsBoolean(), "the second visit resumes with the ticket: " + second);
        assertEquals("TLSv1.3", second.get("version").getAsString(), second.toString());
    }

    @Test
    void compareSetsOurBrowserClientBesideBoringSsl() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "compare https://boring.lab.test/ tls=browser vs tls=boringssl");

        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        assertEquals("browser", results.get(0).getAsJsonObject("composition").get("tls").getAsString());
        assertEquals("boringssl", results.get(1).getAsJsonObject("composition").get("tls").getAsString());
        for (JsonObject result : results) {
            assertTrue(result.get("ok").getAsBoolean(), result.toString());
            assertEquals(200, result.get("status").getAsInt(), result.toString());
        }
    }

    @Test
    void theLabListingNamesTheStackOfEachSite() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "lab");

        assertEquals(0, run.exitCode(), run.toString());
        String boring = run.stdout().lines().filter(l -> l.contains("boring.lab.test")).findFirst().orElse("");
        assertTrue(boring.contains("boringssl"), run.toString());
        String resume = run.stdout().lines().filter(l -> l.contains("resume.lab.test") && !l.contains("expired")).findFirst().orElse("");
        assertTrue(resume.contains("jdk"), run.toString());
    }
}
