package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * HTTP/2 end to end through the real jar: our TLS client offers h2, the lab's BoringSSL site
 * selects it, the navigator and the lab's responder speak HTTP/2 to each other, and the views
 * show the frames; a site without HTTP/2 answers HTTP/1.1 to the same offer.
 */
@Timeout(600)
class Http2IT {

    @TempDir
    static Path home;

    @Test
    void openH2ShowsTheFramesInTheLadderAndTheStoryInExplain() throws Exception {
        // A connection of its own, closed after the response: its GOAWAY is then part of this navigation.
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "open --new-connection https://h2.lab.test/", "-c", "ladder",
                "-c", "explain");

        assertEquals(0, run.exitCode(), run.toString());
        String out = run.stdout();
        assertTrue(out.contains("alpn h2"), run.toString());
        assertTrue(out.contains("HTTP/2 200"), run.toString());
        int frames = out.indexOf("HTTP/2 frames on the same connection");
        assertTrue(frames > 0, run.toString());
        String ladder = out.substring(frames);
        for (String frame : List.of("connection preface (24 B)", "SETTINGS (24 B)", "WINDOW_UPDATE (4 B)", "HEADERS (",
                "SETTINGS (6 B)", "DATA (", "GOAWAY (8 B)")) {
            assertTrue(ladder.contains(frame), frame + " in " + ladder);
        }
        assertTrue(ladder.contains("INITIAL_WINDOW_SIZE=6291456") && ladder.contains("MAX_CONCURRENT_STREAMS=100"), ladder);
        assertTrue(out.contains("ALPN chose h2, so the request went as HTTP/2"), run.toString());
    }

    @Test
    void theSameOfferGetsHttp11FromASiteWithoutHttp2AndTheHarSaysWhich() throws Exception {
        Path har = home.resolve("both.har");
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "open https://h1.lab.test/",
                "-c", "open https://h2.lab.test/", "-c", "export har " + har);

        List<JsonObject> results = run.jsonLines().stream().filter(j -> j.has("ok")).toList();
        assertEquals(2, results.size(), run.toString());
        assertEquals("http/1.1", results.get(0).getAsJsonObject("tls").get("alpn").getAsString(), results.get(0).toString());
        assertEquals("HTTP/1.1", results.get(0).getAsJsonObject("http").get("version").getAsString());
        assertEquals("h2", results.get(1).getAsJsonObject("tls").get("alpn").getAsString(), results.get(1).toString());
        assertEquals("HTTP/2", results.get(1).getAsJsonObject("http").get("version").getAsString());
        assertTrue(results.get(1).get("ok").getAsBoolean());
        String text = java.nio.file.Files.readString(har);
        assertTrue(text.contains("\"httpVersion\": \"h2\"") || text.contains("\"httpVersion\":\"h2\""), text.substring(0, Math.min(2000, text.length())));
    }
}
