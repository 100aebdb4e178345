package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The real jar under {@code --json}: stdout is JSON lines and nothing else whatever commands run,
 * and every line — a good navigation, a failed handshake, a redirect chain, a POST through
 * redirects, a line with its trace — validates against docs/navemu-result.schema.json.
 */
@Timeout(300)
class JsonOutputIT {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:navemu-result.schema.json"));

    @TempDir
    static Path home;

    /** Every stdout line parsed; fails on a line that is not a JSON object. */
    private static List<JsonObject> everyLine(NavemuProcess.Outcome run) {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : run.stdout().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(line);
            } catch (RuntimeException e) {
                throw new AssertionError("a stdout line that is not JSON: '" + line + "'\n" + run, e);
            }
            assertTrue(parsed.isJsonObject(), "not an object: " + line);
            lines.add(parsed.getAsJsonObject());
        }
        return lines;
    }

    private static void validates(JsonObject line) {
        List<Error> problems = SCHEMA.validate(line.toString(), InputFormat.JSON);
        assertTrue(problems.isEmpty(), "schema violations " + problems + " in " + line);
    }

    private static List<String> requestFields(JsonObject http) {
        List<String> fields = new ArrayList<>();
        for (JsonElement field : http.getAsJsonArray("requestHeaders")) {
            fields.add(field.getAsJsonObject().get("name").getAsString() + ": " + field.getAsJsonObject().get("value").getAsString());
        }
        return fields;
    }

    @Test
    void stdoutIsJsonLinesWhateverRunsAndEachLineFollowsTheSchema() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "help; slots; use; lab; use tls tls13-ecdhe; hsts list; sessions; net; dns www.lab.test",
                "-c", "open https://www.lab.test/; trace; explain; ladder; timeline; cert; headers; body; expect status == 200",
                "-c", "open https://expired.lab.test/; explain; headers; body",
                "-c", "open https://redirect.lab.test/; headers",
                "-c", "open -d 'a=1&b=two' -H 'X-Test: yes' https://www.lab.test/echo/redirect/307",
                "-c", "open -d a=1 https://www.lab.test/echo/redirect/302",
                "-c", "bogus; help open");

        List<JsonObject> lines = everyLine(run);
        assertEquals(5, lines.size(), run.toString());
        lines.forEach(JsonOutputIT::validates);
        assertEquals(2, run.exitCode(), "bogus is a usage error: " + run);

        JsonObject good = lines.get(0);
        assertEquals("navemu.result/2", good.get("schema").getAsString());
        // www speaks h2 (ALPN): the request's authority is the :authority pseudo-header, as sent.
        assertEquals("HTTP/2", good.getAsJsonObject("http").get("version").getAsString(), good.toString());
        assertTrue(requestFields(good.getAsJsonObject("http")).contains(":authority: www.lab.test"), good.toString());

        JsonObject expired = lines.get(1);
        assertEquals("ERR_CERT_DATE_INVALID", expired.get("error").getAsString());
        assertTrue(expired.get("http").isJsonNull());

        JsonObject redirected = lines.get(2);
        assertEquals(5, redirected.getAsJsonArray("redirects").size(), redirected.toString());

        JsonObject kept = lines.get(3);
        assertEquals("POST", kept.getAsJsonObject("http").get("method").getAsString(), "307 keeps the POST");
        String echo = kept.getAsJsonObject("http").get("bodyPreview").getAsString();
        assertTrue(echo.startsWith("POST /echo HTTP/2\n"), echo);
        assertTrue(echo.contains("x-test: yes\n") && echo.contains("content-type: application/x-www-form-urlencoded\n"), echo);
        assertTrue(echo.endsWith("\n\na=1&b=two"), "the lab received the body: " + echo);
        assertEquals("POST", kept.getAsJsonArray("redirects").get(0).getAsJsonObject().getAsJsonObject("http")
                .get("method").getAsString());

        JsonObject changed = lines.get(4);
        assertEquals("GET", changed.getAsJsonObject("http").get("method").getAsString(), "302 turns the POST into a GET");
        assertTrue(changed.getAsJsonObject("http").get("bodyPreview").getAsString().startsWith("GET /echo HTTP/2\n"));
        assertFalse(requestFields(changed.getAsJsonObject("http")).stream()
                        .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("content-")),
                "no body, no Content-Type after the 302: " + changed);

        for (String onStderr : List.of("unknown command 'bogus'", "expect status == 200 held", "https://expired.lab.test/")) {
            assertTrue(run.stderr().contains(onStderr), onStderr + " on stderr:\n" + run);
        }
    }

    @Test
    void jsonTraceCarriesTheEventsAndSecretsOnlyWhenAsked() throws Exception {
        NavemuProcess.Outcome plain = NavemuProcess.run(home, "--json", "--trace", "-c", "open https://www.lab.test/");
        NavemuProcess.Outcome secrets = NavemuProcess.run(home, "--json", "--trace", "--secrets",
                "-c", "open https://www.lab.test/; ladder");

        assertEquals(0, plain.exitCode(), plain.toString());
        JsonObject line = everyLine(plain).get(0);
        validates(line);
        JsonObject trace = line.getAsJsonObject("trace");
        JsonArray events = trace.getAsJsonArray("events");
        assertEquals("step_start", events.get(0).getAsJsonObject().get("kind").getAsString());
        assertTrue(events.toString().contains("\"name\":\"ClientHello\""), "the TLS messages are in the trace");
        assertFalse(events.toString().contains("\"kind\":\"secret\""), "no secret unless asked for");
        assertTrue(trace.get("secretsHidden").getAsInt() > 0, trace.toString());

        assertEquals(0, secrets.exitCode(), secrets.toString());
        List<JsonObject> secretLines = everyLine(secrets);
        assertEquals(1, secretLines.size(), "the ladder went to stderr: " + secrets);
        validates(secretLines.get(0));
        JsonObject withSecrets = secretLines.get(0).getAsJsonObject("trace");
        assertTrue(withSecrets.get("secretsShown").getAsBoolean());
        assertEquals(0, withSecrets.get("secretsHidden").getAsInt());
        assertTrue(withSecrets.getAsJsonArray("events").toString().contains("\"kind\":\"secret\""));
    }
}
