package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;

class CompareRendererTest {
    private final CompareRenderer renderer = new CompareRenderer();

    private static String find(List<AttributedString> lines, String part) {
        return lines.stream().map(AttributedString::toString).filter(l -> l.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + part + " in " + lines));
    }

    @Test
    void stepsFaceEachOtherAndAChangedImplementationIsMarked() {
        NavigationResult left = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        NavigationResult right = Results.ok("https://www.lab.test/", 200, "jsse");
        List<AttributedString> lines = renderer.render(left, "current composition", right, "tls=jsse", 100);
        String tls = find(lines, "tls13-ecdhe");
        assertTrue(tls.contains(" ≠ "), tls);
        assertTrue(tls.indexOf("jsse") > tls.indexOf("≠"), "the right column holds the right side: " + tls);
        String dns = find(lines, "dnsjava");
        assertTrue(dns.contains(" │ "), "identical steps are not marked: " + dns);
        assertEquals(dns.indexOf("dnsjava"), tls.indexOf("tls13-ecdhe"), "columns line up");
    }

    @Test
    void theSummarySaysWhatChanged() {
        NavigationResult left = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        NavigationResult right = Results.ok("https://www.lab.test/", 200, "jsse");
        right.tls = right.tls.toBuilder().cipherSuite("TLS_AES_256_GCM_SHA384").build();
        String summary = renderer.summary(left, right).toString();
        assertTrue(summary.startsWith("changed: tls.cipherSuite TLS_AES_128_GCM_SHA256 → TLS_AES_256_GCM_SHA384; "
                + "tls by tls13-ecdhe → jsse"), summary);
        String row = find(renderer.render(left, "a", right, "b", 120), "tls.cipherSuite");
        assertTrue(row.contains(" ≠ "), row);
    }

    @Test
    void identicalOutcomesSaySoAndNameTheTimes() {
        NavigationResult left = Results.ok("https://www.lab.test/", 200, "jsse");
        NavigationResult right = Results.ok("https://www.lab.test/", 200, "jsse");
        right.totalMs = 80;
        assertEquals("same outcome; only the time differs (46 ms vs 80 ms)", renderer.summary(left, right).toString());
    }

    @Test
    void aStepOnlyOneSideRanFacesABlank() {
        NavigationResult left = Results.ok("https://hsts.lab.test/", 200, "jsse");
        NavigationResult right = Results.ok("https://hsts.lab.test/", 200, "jsse");
        Hop plain = new Hop();
        plain.url = "http://hsts.lab.test/";
        plain.status = 301;
        plain.steps.add(Results.step("dns", "dnsjava", 0, 1, 1));
        plain.steps.add(Results.step("tcp", "socket", 1, 1, 1));
        plain.steps.add(Results.step("http", "", 2, 1, 1));
        right.redirects.add(plain);
        List<AttributedString> lines = renderer.render(left, "hsts=memory", right, "hsts=off", 120);
        long blanks = lines.stream().map(AttributedString::toString).filter(l -> l.startsWith("—")).count();
        assertEquals(3, blanks, String.join("\n", lines.stream().map(AttributedString::toString).toList()));
        String summary = renderer.summary(left, right).toString();
        assertTrue(summary.contains("redirects 0 → 1"), summary);
        assertTrue(summary.contains("only the right ran dns"), summary);
        assertTrue(find(lines, "hsts  ").contains(" │ "), "the hsts step both ran is aligned, unmarked");
    }

    @Test
    void roundTripsPerStepAndAMuchLongerTimeAreDifferences() {
        NavigationResult left = Results.ok("https://www.lab.test/", 200, "jsse");
        NavigationResult right = Results.ok("https://www.lab.test/", 200, "jsse");
        right.steps.get(1).rtts = 0;
        right.totalMs = 400;
        String summary = renderer.summary(left, right).toString();
        assertTrue(summary.contains("dns rtts 1 → 0"), summary);
        String time = find(renderer.render(left, "a", right, "b", 120), "time ");
        assertTrue(time.contains(" ≠ "), time);
        assertFalse(CompareRenderer.timesDiffer(40, 45), "a few milliseconds are noise");
        assertFalse(CompareRenderer.timesDiffer(1, 5), "so are tiny times");
    }

    @Test
    void aFailureOnOneSideIsMarked() {
        NavigationResult left = Results.ok("https://www.lab.test/", 200, "jsse");
        NavigationResult right = Results.failed("https://www.lab.test/", "ERR_NAME_NOT_RESOLVED");
        List<AttributedString> lines = renderer.render(left, "a", right, "b", 120);
        assertTrue(find(lines, "ERR_NAME_NOT_RESOLVED").contains(" ≠ "));
        String summary = renderer.summary(left, right).toString();
        assertTrue(summary.contains("ok true → false") && summary.contains("error null → ERR_NAME_NOT_RESOLVED"), summary);
        assertFalse(lines.get(1).toString().contains("≠"), "the header row is not a difference");
    }

    private static NavigationResult timed(double totalMs) {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        result.totalMs = totalMs;
        return result;
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(7.0, Median.of(List.of(7.0)));
        assertEquals(20.0, Median.of(List.of(90.0, 10.0, 20.0)), "order does not matter, an outlier does not pull");
        assertEquals(15.0, Median.of(List.of(40.0, 10.0, 20.0, 5.0)));
        assertEquals(2.5, Median.of(List.of(2.0, 3.0)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Median.of(List.of()));
    }

    @Test
    void aSideShowsItsRunAtTheMedianTimeAndCountsHowItsRunsEnded() {
        ComparedSide odd = new ComparedSide("left", List.of(timed(300), timed(40), timed(52)));
        assertEquals(52.0, odd.medianMs());
        assertEquals(52.0, odd.representative().totalMs);
        ComparedSide even = new ComparedSide("left", List.of(timed(30), timed(10), timed(20), timed(40)));
        assertEquals(25.0, even.medianMs());
        assertEquals(20.0, even.representative().totalMs, "the faster of the two middle runs");

        NavigationResult failed = Results.failed("https://www.lab.test/", "ERR_CONNECTION_RESET");
        ComparedSide mixed = new ComparedSide("right", List.of(timed(10), failed, timed(12)));
        assertEquals(java.util.Map.of("ok", 2, "ERR_CONNECTION_RESET", 1), mixed.outcomes());
    }

    @Test
    void severalRunsShowMedianTimesARunsDifferLineAndHowTheyWereMeasured() {
        NavigationResult failed = Results.failed("https://www.lab.test/", "ERR_CONNECTION_RESET");
        failed.totalMs = 5;
        ComparedSide left = new ComparedSide("current composition", List.of(timed(40), timed(1460), timed(36)));
        ComparedSide right = new ComparedSide("tls=jsse", List.of(timed(80), failed, timed(90)));
        List<AttributedString> lines = renderer.render(left, right, "median of 3 alternating runs per side", 120);

        String time = find(lines, "time median");
        assertTrue(time.contains("time median 40 ms (36 ms–1.46 s)"), time);
        assertTrue(time.contains("time median 80 ms (5.0 ms–90 ms)"), time);
        assertTrue(find(lines, "same outcome").endsWith("(40 ms vs 80 ms)"), lines.toString());
        assertEquals("runs differ: tls=jsse: 2× ok, 1× ERR_CONNECTION_RESET", find(lines, "runs differ"));
        assertEquals("median of 3 alternating runs per side", lines.get(lines.size() - 1).toString());
    }
}
