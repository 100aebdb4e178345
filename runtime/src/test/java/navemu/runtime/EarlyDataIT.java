package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * early.lab.test through the real jar with a fresh home: the first visit is a full handshake
 * that brings a ticket allowing early data, the second sends its request as 0-RTT early data,
 * and the server (openssl s_server, a child process of the lab) says in its answer that the
 * request really arrived as early data. explain and ladder tell that second handshake; no
 * s_server is left when navemu exits; without openssl on the PATH the site says so and its
 * port refuses.
 */
@Timeout(600)
class EarlyDataIT {

    private static final String URL = "https://early.lab.test/";

    @TempDir
    Path home;

    private static boolean opensslInstalled() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "openssl")));
    }

    @Test
    void theSecondVisitSendsItsRequestAsEarlyDataAndTheServerSaysItArrivedSo() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed");
        for (String tls : List.of("browser", "tls13-ecdhe")) {
            Path fresh = Files.createDirectories(home.resolve(tls));
            NavemuProcess.Outcome run = NavemuProcess.run(fresh, "--json", "-c", "use tls " + tls,
                    "-c", "open " + URL, "-c", "open " + URL, "-c", "explain", "-c", "ladder", "-c", "body");

            assertEquals(0, run.exitCode(), run.toString());
            List<JsonObject> results = run.jsonLines();
            assertEquals(2, results.size(), run.toString());
            JsonObject first = results.get(0);
            JsonObject second = results.get(1);
            assertEquals(200, first.get("status").getAsInt(), tls + ": " + first);
            assertFalse(first.getAsJsonObject("tls").get("resumed").getAsBoolean(), tls + ": a fresh home has no ticket");
            assertFalse(first.getAsJsonObject("tls").get("earlyData").getAsBoolean(), tls + ": " + first);
            assertEquals("no early data offered", header(first, "X-Lab-Early-Data"), tls + ": " + first);

            assertEquals(200, second.get("status").getAsInt(), tls + ": " + second);
            assertEquals("TLSv1.3", second.getAsJsonObject("tls").get("version").getAsString());
            assertTrue(second.getAsJsonObject("tls").get("resumed").getAsBoolean(), tls + ": " + second);
            assertTrue(second.getAsJsonObject("tls").get("earlyData").getAsBoolean(), tls + ": our client's view: " + second);
            // The truth from the other end: s_server printed the request among the early data.
            assertEquals("accepted", header(second, "X-Lab-Early-Data"), tls + ": the server's view: " + second);

            String views = run.stderr();
            assertTrue(views.contains("0-RTT: the request went out as early data"), tls + ": explain:\n" + views);
            assertTrue(views.contains("The server accepted it"), tls + ": explain:\n" + views);
            assertTrue(views.contains("EndOfEarlyData"), tls + ": ladder:\n" + views);
            assertTrue(views.contains("early data (0-RTT)"), tls + ": ladder:\n" + views);
            assertTrue(views.contains("this request arrived as early data (0-RTT)"), tls + ": body:\n" + views);
        }
        // s_server's command line names its key under the home: none may outlive navemu.
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(home.toString())),
                "no openssl s_server left behind by the navemu processes");
    }

    @Test
    void theShellShowsTheSecondVisitAs0Rtt() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed");
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "use tls browser", "-c", "open " + URL, "-c", "open " + URL);

        assertEquals(0, run.exitCode(), run.toString());
        // The summary wraps long lines: compare with runs of white space made one space.
        String second = run.stdout().substring(run.stdout().lastIndexOf(URL)).replaceAll("\\s+", " ");
        assertTrue(second.contains("resumed · early data accepted"), second);
        assertTrue(second.contains("0 rtt 200 ·"), "the http step spent no round trip of its own: " + second);
    }

    @Test
    void withoutOpensslTheLabSaysSoAndOpeningTheSiteIsRefused() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.runWithPath(home, "/nonexistent-navemu-path",
                "--json", "-c", "lab", "-c", "open " + URL);

        JsonObject result = run.onlyJson();
        assertEquals("ERR_CONNECTION_REFUSED", result.get("error").getAsString(), run.toString());
        assertTrue(run.stderr().contains("early.lab.test needs openssl; not running"), run.toString());
        String listing = run.stderr().lines().filter(line -> line.contains(URL)).findFirst().orElse("");
        assertTrue(listing.contains("ERR_CONNECTION_REFUSED") && listing.contains("needs openssl; not running"), listing);
    }

    private static String header(JsonObject result, String name) {
        for (var field : result.getAsJsonObject("http").getAsJsonArray("headers")) {
            JsonObject f = field.getAsJsonObject();
            if (f.get("name").getAsString().equalsIgnoreCase(name)) {
                return f.get("value").getAsString();
            }
        }
        return null;
    }
}
