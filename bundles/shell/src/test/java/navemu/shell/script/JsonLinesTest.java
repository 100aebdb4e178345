package navemu.shell.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;
import navemu.shell.fixtures.FakeComposition;
import navemu.shell.fixtures.FakeNavigator;
import navemu.shell.fixtures.Results;
import navemu.shell.fixtures.ShellHarness;
import navemu.shell.render.JsonRenderer;

/** Under --json, stdout is JSON lines and nothing else; --trace and export json --trace carry the trace. */
@Timeout(30)
class JsonLinesTest {

    /** The fake lab, whose navigations also report one derived secret, as the TLS clients do. */
    private static ShellHarness shellWithSecrets(boolean json) {
        FakeNavigator withSecret = new FakeNavigator(request -> {
            request.listener().onEvent(new TraceEvent(TraceEvent.Kind.SECRET, "tls", "tls13-ecdhe", System.nanoTime(),
                    "client_handshake_traffic_secret", "00ff", Map.of(), 0));
            return request.url().contains("://nosuch") ? Results.failed(request.url(), "ERR_NAME_NOT_RESOLVED")
                    : Results.ok(request.url(), 200, request.overrides().isEmpty() ? "tls13-ecdhe" : "jsse");
        });
        return new ShellHarness(withSecret, FakeComposition.standard(), json);
    }

    private static List<JsonObject> everyLineIsJson(String stdout) {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            JsonElement parsed = JsonParser.parseString(line); // throws on anything that is not JSON
            assertTrue(parsed.isJsonObject(), line);
            lines.add(parsed.getAsJsonObject());
        }
        return lines;
    }

    @Test
    void stdoutIsJsonLinesWhateverCommandsRun(@TempDir Path dir) throws Exception {
        ShellHarness shell = shellWithSecrets(true);
        int status = shell.main("-c", "help; slots; use; use tls jsse; lab; hsts list; sessions",
                "-c", "open https://www.lab.test/; trace; explain; ladder; timeline; cert; headers; body; expect status == 200",
                "-c", "compare https://www.lab.test/ tls=jsse vs tls=tls13-ecdhe",
                "-c", "export json " + dir.resolve("x.jsonl") + "; open https://nosuch.lab.test/; bogus; help open");

        List<JsonObject> lines = everyLineIsJson(shell.out().strip());
        assertEquals(4, lines.size(), "open, compare's two sides, the failed open: " + shell.out());
        for (JsonObject line : lines) {
            assertEquals(JsonRenderer.SCHEMA, line.get("schema").getAsString());
            assertFalse(line.has("trace"), "no trace unless asked for");
        }
        assertEquals("ERR_NAME_NOT_RESOLVED", lines.get(3).get("error").getAsString());
        assertEquals(2, status, "bogus is a usage error");
        String err = shell.err();
        for (String seen : List.of("open URL", "tls: jsse (was tls13-ecdhe)", "expect status == 200 held",
                "unknown command 'bogus'", "wrote 7 navigations as json")) { // open + compare's 3 timed runs a side
            assertTrue(err.contains(seen) || err.contains(seen.replace("open URL", "open [--compact|--full] [-X METHOD]")),
                    seen + " goes to stderr: " + err);
        }
    }

    @Test
    void traceAddsTheEventsWithoutSecretsUnlessAskedFor() throws Exception {
        ShellHarness plain = shellWithSecrets(true);
        assertEquals(0, plain.main("--json", "--trace", "-c", "open https://www.lab.test/"), plain.err());
        JsonObject trace = everyLineIsJson(plain.out().strip()).get(0).getAsJsonObject("trace");
        JsonArray events = trace.getAsJsonArray("events");
        assertEquals(5 * 2, events.size(), "the five steps' starts and ends; the secret left out: " + events);
        assertEquals(1, trace.get("secretsHidden").getAsInt());
        assertFalse(trace.get("secretsShown").getAsBoolean());
        assertFalse(plain.out().contains("00ff"));
        JsonObject first = events.get(0).getAsJsonObject();
        assertEquals("step_start", first.get("kind").getAsString());
        assertEquals("hsts", first.get("step").getAsString());
        assertEquals(0.0, first.get("atMs").getAsDouble(), "on the steps' clock: the first step starts at 0");
        JsonObject end = events.get(events.size() - 1).getAsJsonObject();
        assertEquals("step_end", end.get("kind").getAsString());
        assertEquals(1, end.get("roundTrips").getAsInt());

        ShellHarness secrets = shellWithSecrets(true);
        assertEquals(0, secrets.main("--json", "--trace", "--secrets", "-c", "open https://www.lab.test/"), secrets.err());
        JsonObject withSecrets = everyLineIsJson(secrets.out().strip()).get(0).getAsJsonObject("trace");
        JsonObject secret = withSecrets.getAsJsonArray("events").get(0).getAsJsonObject();
        assertEquals("secret", secret.get("kind").getAsString());
        assertEquals("00ff", secret.get("text").getAsString());
        assertTrue(secret.get("sensitive").getAsBoolean());
        assertEquals(0, withSecrets.get("secretsHidden").getAsInt());
    }

    @Test
    void exportJsonCarriesTheTraceOfEveryKeptNavigationWhenAsked(@TempDir Path dir) throws Exception {
        ShellHarness shell = shellWithSecrets(false);
        Path plain = dir.resolve("plain.jsonl");
        Path traced = dir.resolve("traced.jsonl");
        Path secret = dir.resolve("secret.jsonl");
        assertEquals(0, shell.main("-c", "open https://www.lab.test/; open https://ecc256.lab.test/; export json " + plain
                + "; export json " + traced + " --trace; export json " + secret + " --trace --secrets"), shell.err());

        List<String> plainLines = Files.readAllLines(plain);
        assertEquals(2, plainLines.size());
        assertFalse(JsonParser.parseString(plainLines.get(0)).getAsJsonObject().has("trace"));
        List<String> tracedLines = Files.readAllLines(traced);
        for (String line : tracedLines) {
            JsonObject trace = JsonParser.parseString(line).getAsJsonObject().getAsJsonObject("trace");
            assertEquals(10, trace.getAsJsonArray("events").size(), "each navigation its own events: " + line);
        }
        assertFalse(Files.readString(traced).contains("00ff"));
        assertTrue(Files.readString(secret).contains("\"sensitive\":true"));
        assertEquals(2, shell.main("-c", "export har " + dir.resolve("x.har") + " --trace"), "only json takes --trace");
    }

    @Test
    void traceWithoutJsonOrOutsideABatchRunAndSecretsWithoutTraceAreUsageErrors() {
        for (String[] args : List.of(new String[] {"--trace", "-c", "slots"}, new String[] {"--json", "--secrets", "-c", "slots"},
                new String[] {"--json", "--trace"})) {
            org.junit.jupiter.api.Assertions.assertThrows(navemu.shell.command.UsageException.class,
                    () -> navemu.shell.LaunchOptions.parse(args));
        }
    }

    @Test
    void theSchemaKeyComesFirst() {
        NavigationResult r = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        assertTrue(new JsonRenderer().toLine(r).startsWith("{\"schema\":\"navemu.result/2\","));
    }
}
