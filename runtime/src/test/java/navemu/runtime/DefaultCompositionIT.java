package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a user gets out of the box: the real jar on a fresh home, no {@code use} typed. The
 * default tls is {@code browser}, the reference site www.lab.test is served by BoringSSL, so the
 * first visit agrees on the post-quantum X25519MLKEM768 and the second resumes with the ticket.
 */
@Timeout(300)
class DefaultCompositionIT {

    /** A fresh home: nothing of an earlier run (sessions, HSTS, the composition) is there. */
    @TempDir
    Path home;

    @Test
    void openingWwwAgreesOnMlKemAndH2WithBoringSslThenReusesTheConnectionThenResumesOnANewOne() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "open https://www.lab.test/",
                "-c", "open https://www.lab.test/", "-c", "open --new-connection https://www.lab.test/");

        assertEquals(0, run.exitCode(), run.toString());
        List<JsonObject> results = run.jsonLines();
        assertEquals(3, results.size(), run.toString());
        for (JsonObject result : results) {
            assertTrue(result.get("ok").getAsBoolean(), result.toString());
            assertEquals(200, result.get("status").getAsInt(), result.toString());
            assertEquals("browser", result.getAsJsonObject("composition").get("tls").getAsString(), result.toString());
            assertEquals("HTTP/2", result.getAsJsonObject("http").get("version").getAsString(), result.toString());
            // The page names the TLS stack that served it.
            assertTrue(result.getAsJsonObject("http").get("bodyPreview").getAsString().contains("BoringSSL TLS server"),
                    result.toString());
        }
        JsonObject first = results.get(0).getAsJsonObject("tls");
        assertEquals("TLSv1.3", first.get("version").getAsString(), first.toString());
        assertEquals("X25519MLKEM768", first.get("group").getAsString(), first.toString());
        assertEquals("ML-KEM + ECDHE", first.get("keyExchange").getAsString(), first.toString());
        assertEquals("h2", first.get("alpn").getAsString(), first.toString());
        assertFalse(first.get("resumed").getAsBoolean(), first.toString());
        assertTrue(serverSent(first, "Certificate"), "a full handshake carries the server's Certificate: " + first);
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "http"), steps(results.get(0)));

        // As Chrome, the next visit to the same origin goes on the open connection: no dns, tcp or tls.
        assertEquals(List.of("hsts", "http"), steps(results.get(1)), results.get(1).toString());

        JsonObject third = results.get(2).getAsJsonObject("tls");
        assertEquals("TLSv1.3", third.get("version").getAsString(), third.toString());
        assertTrue(third.get("resumed").getAsBoolean(), "a new connection resumes with BoringSSL's ticket: " + third);
        assertFalse(serverSent(third, "Certificate"), "a PSK resumption has no Certificate from the server: " + third);
        assertTrue(results.get(2).getAsJsonObject("cert").get("valid").getAsBoolean(),
                "the stored chain was validated again: " + results.get(2));
    }

    private static List<String> steps(JsonObject result) {
        List<String> names = new java.util.ArrayList<>();
        result.getAsJsonArray("steps").forEach(step -> names.add(step.getAsJsonObject().get("step").getAsString()));
        return names;
    }

    @Test
    void useShowsBrowserAndTheLabListingSaysBoringSslServesWww() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "use", "-c", "lab");

        assertEquals(0, run.exitCode(), run.toString());
        String tls = run.stdout().lines().filter(l -> l.startsWith("tls ")).findFirst().orElse("");
        assertEquals("tls      browser", tls.strip(), run.toString());
        String www = run.stdout().lines().filter(l -> l.startsWith("https://www.lab.test/")).findFirst().orElse("");
        assertTrue(www.contains(" boringssl "), "the lab listing names the stack serving www: " + www);
    }

    @Test
    void aTls12OnlySiteLoadsOutOfTheBox() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "open https://tls12.lab.test/");

        assertEquals(0, run.exitCode(), run.toString());
        JsonObject result = run.onlyJson();
        assertEquals(200, result.get("status").getAsInt(), result.toString());
        assertEquals("TLSv1.2", result.getAsJsonObject("tls").get("version").getAsString(), result.toString());
    }

    private static boolean serverSent(JsonObject tls, String type) {
        for (JsonElement message : tls.getAsJsonArray("messages")) {
            JsonObject m = message.getAsJsonObject();
            if (m.get("dir").getAsString().equals("S>C") && m.get("type").getAsString().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
