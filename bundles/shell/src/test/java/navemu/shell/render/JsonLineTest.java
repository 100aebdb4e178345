package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;
import navemu.shell.fixtures.Results;

/**
 * The JSON line is written straight from the result (not through its tree): it must stay the
 * tree's text, key for key and in the same order — the tree is what {@code expect} walks and what
 * the schema test holds lines to — with and without the trace.
 */
class JsonLineTest {
    /** The tree written as a line, as the renderer wrote every line before it streamed them. */
    private static final Gson TREE_WRITER = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final JsonRenderer renderer = new JsonRenderer();

    private static List<NavigationResult> results() {
        NavigationResult withJdkValues = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        // A slot may put JDK values into a step's detail: written as their text.
        withJdkValues.steps.get(2).detail.put("remote", new InetSocketAddress("127.0.0.1", 443));
        withJdkValues.steps.get(2).detail.put("took", Duration.ofMillis(12));
        withJdkValues.steps.get(2).detail.put("note", "“quoted” </script> \u00e9\u2192 \t tab");
        return List.of(withJdkValues, Results.certificateExpired("https://expired.lab.test/", "tls13-ecdhe"),
                Results.failed("https://nosuch.lab.test/", "ERR_NAME_NOT_RESOLVED"), new NavigationResult());
    }

    @Test
    void theLineIsTheTreesTextKeyForKeyInOrder() {
        for (NavigationResult result : results()) {
            String line = renderer.toLine(result);
            assertEquals(TREE_WRITER.toJson(renderer.toTree(result)), line);
            assertTrue(line.startsWith("{\"schema\":\"" + JsonRenderer.SCHEMA + "\","), line);
        }
    }

    @Test
    void withTheTraceTheLineIsStillTheTreesTextWithTraceLast() {
        NavigationResult result = results().get(0);
        List<TraceEvent> events = List.of(
                new TraceEvent(TraceEvent.Kind.STEP_START, "tls", "tls13-ecdhe", 1_000_000, "", "", Map.of(), 0),
                new TraceEvent(TraceEvent.Kind.SENT, "tls", "tls13-ecdhe", 2_500_000, "ClientHello", "",
                        Map.of("length", "250"), 0),
                new TraceEvent(TraceEvent.Kind.SECRET, "tls", "tls13-ecdhe", 3_000_000, "client_handshake_traffic_secret", "",
                        Map.of("value", "00ff"), 0),
                new TraceEvent(TraceEvent.Kind.STEP_END, "tls", "tls13-ecdhe", 9_000_000, "", "", Map.of("durationMs", "8.00"), 1));
        for (JsonRenderer.Trace trace : JsonRenderer.Trace.values()) {
            JsonObject expected = renderer.toTree(result);
            if (trace.shown()) {
                String traceText = renderer.toLine(result, events, trace);
                // The trace part is the same tree code as before; the rest must match the plain line.
                String plain = renderer.toLine(result);
                assertTrue(traceText.startsWith(plain.substring(0, plain.length() - 1) + ",\"trace\":{"), traceText);
                JsonObject parsed = com.google.gson.JsonParser.parseString(traceText).getAsJsonObject();
                expected.add("trace", parsed.get("trace"));
                assertEquals(TREE_WRITER.toJson(expected), traceText);
                assertEquals(trace == JsonRenderer.Trace.EVENTS_AND_SECRETS ? 4 : 3,
                        parsed.getAsJsonObject("trace").getAsJsonArray("events").size());
            } else {
                assertEquals(TREE_WRITER.toJson(expected), renderer.toLine(result, events, trace));
            }
        }
    }

    @Test
    void aJsonLineReachesStdoutAsItIs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsonOnlyStdout console = new JsonOnlyStdout(new StreamConsole(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 80));
        String line = renderer.toLine(results().get(0));
        console.json(line);
        console.out("a view line");
        assertEquals(line + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertEquals("a view line" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }
}
