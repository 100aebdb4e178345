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
}
