package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.shell.export.HarWriter;
import navemu.shell.fixtures.Results;

/** Where each step's time went, as timeline, explain, compare and the HAR show it. */
class TimeSplitViewsTest {

    /** A navigation behind a 100 ms link whose steps say where their time went. */
    private static NavigationResult split() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        for (StepResult step : result.steps) {
            step.networkMs = step.rtts * 100.0;
            step.localMs = 2.1;
            step.durationMs = step.networkMs + step.localMs;
        }
        StepResult tls = step(result, "tls");
        tls.serverMs = 0.9;
        tls.durationMs = 103.0;
        return result;
    }

    private static StepResult step(NavigationResult result, String name) {
        return result.steps.stream().filter(s -> s.step.equals(name)).findFirst().orElseThrow();
    }

    private static String text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void thePhraseNamesTheRoundTripsTheClientAndTheServer() {
        assertEquals("1 rtt 100 ms + client 2.1 ms + server 0.9 ms", TimeSplitText.of(step(split(), "tls")).orElseThrow());
        StepResult hsts = new StepResult();
        hsts.networkMs = 0.0;
        hsts.localMs = 0.2;
        assertEquals("client 0.2 ms", TimeSplitText.of(hsts).orElseThrow(), "no round trip: only local work");
        assertTrue(TimeSplitText.of(Results.step("dns", "system", 0, 3, 1)).isEmpty(), "a step that does not say");
    }

    @Test
    void theTimelineShowsTheSplitBesideEachStepAndStaysWithinTheWidth() {
        List<AttributedString> lines = new TimelineRenderer().render(split(), 120);

        String tls = lines.stream().map(AttributedString::toString).filter(l -> l.startsWith(" tls ")).findFirst().orElseThrow();
        assertTrue(tls.endsWith("103 ms = 1 rtt 100 ms + client 2.1 ms + server 0.9 ms"), tls);
        assertTrue(tls.contains("█"), tls);
        for (AttributedString line : lines) {
            assertTrue(line.columnLength() <= 120, line.toString());
        }
        String narrow = text(new TimelineRenderer().render(split(), 60));
        assertFalse(narrow.contains("client"), "too narrow for the split: the bar keeps its room\n" + narrow);
    }

    @Test
    void explainAndCompareSayWhereTheTimeWent() {
        String explained = text(new Explainer().explain(split(), List.of(), 200));
        assertTrue(explained.contains("on the client's own work"), explained);
        assertTrue(explained.contains("tls 1 rtt 100 ms + client 2.1 ms + server 0.9 ms"), explained);

        String compared = text(new CompareRenderer().render(split(), "a", split(), "b", 200));
        assertTrue(compared.contains("network 400 ms (4 rtt) + client 11 ms + server 0.9 ms"), compared);
        assertTrue(new CompareRenderer().summary(split(), split()).toString().startsWith("same outcome"),
                "the split, like the time, is not a change");
    }

    @Test
    void theHarCarriesTheSplitAsCustomFieldsOfTheTimings() {
        JsonObject timings = JsonParser.parseString(new HarWriter().write(List.of(split()))).getAsJsonObject()
                .getAsJsonObject("log").getAsJsonArray("entries").get(0).getAsJsonObject().getAsJsonObject("timings");

        double rtts = split().steps.stream().mapToInt(s -> s.rtts).sum();
        assertEquals(rtts * 100, timings.get("_networkMs").getAsDouble(), 0.001);
        assertEquals(0.9, timings.get("_serverMs").getAsDouble(), 0.001);
        assertTrue(timings.get("comment").getAsString().contains("tls 1 rtt 100 ms + client 2.1 ms + server 0.9 ms"),
                timings.toString());
        JsonObject plain = JsonParser.parseString(new HarWriter().write(List.of(Results.ok("https://www.lab.test/", 200,
                "jsse")))).getAsJsonObject().getAsJsonObject("log").getAsJsonArray("entries").get(0).getAsJsonObject()
                .getAsJsonObject("timings");
        assertFalse(plain.has("_networkMs"), "left out when no step says");
    }
}
