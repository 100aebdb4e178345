package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.shell.Batch;
import navemu.shell.LaunchOptions;
import navemu.shell.ShellCommands;
import navemu.shell.command.Session;
import navemu.shell.fixtures.FakeComposition;
import navemu.shell.fixtures.FakeNavigator;
import navemu.shell.fixtures.FakeServices;
import navemu.shell.fixtures.Results;

/** What {@code open} leaves on a terminal: one view, each step once, and long redirect chains one line a hop. */
@Timeout(30)
class OpenViewTest {

    private static String text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).collect(Collectors.joining("\n"));
    }

    private static long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    @Test
    void onALiveTerminalEachStepIsPrintedOnceNotInTheProgressAndAgainInTheSummary() throws Exception {
        ProgressViewTest.LiveConsole console = new ProgressViewTest.LiveConsole();
        Session session = new Session(new FakeServices(FakeNavigator.lab(), FakeComposition.standard()), console, false,
                ShellCommands.create());
        assertEquals(0, new Batch(session).run(LaunchOptions.parse(new String[] {"-c", "open https://www.lab.test/"})));
        String shown = String.join("\n", console.lines);
        for (String step : List.of("✓ hsts ", "✓ dns ", "✓ tcp ", "✓ tls ", "✓ http ")) {
            assertEquals(1, count(shown, step), step + " once: " + shown);
        }
        assertTrue(console.transients.stream().anyMatch(t -> t.startsWith("  ✓ dns ")), "the live line showed it: " + console.transients);
        assertTrue(shown.startsWith("https://www.lab.test/  →  200 OK"), shown);
    }

    private static NavigationResult chainOf(int hops) {
        NavigationResult result = Results.ok("https://redirect.lab.test/final", 200, "tls13-ecdhe");
        result.url = "https://redirect.lab.test/";
        for (int i = 0; i < hops; i++) {
            Hop hop = new Hop();
            hop.url = "https://redirect.lab.test/" + (char) ('a' + i);
            hop.status = 301 + i % 3;
            hop.location = "https://redirect.lab.test/" + (char) ('b' + i);
            for (StepResult step : Results.ok(hop.url, 200, "tls13-ecdhe").steps) {
                hop.steps.add(step);
            }
            result.redirects.add(hop);
        }
        return result;
    }

    @Test
    void aChainOfMoreThanThreeHopsIsOneLineAHopAndTheLastHopInFull() {
        String text = text(new HumanRenderer().render(chainOf(5), 120));
        assertEquals(6, count(text, "  hop "), text);
        assertTrue(text.contains("  hop 1  301  https://redirect.lab.test/a → https://redirect.lab.test/b"), text);
        assertTrue(text.contains("✓ hsts dns tcp tls http"), text);
        assertEquals(1, count(text, "✓ dns   dnsjava"), "only the last hop's steps: " + text);
        String full = text(new HumanRenderer().render(chainOf(5), 120, false));
        assertEquals(6, count(full, "✓ dns   dnsjava"), "--full: every hop's steps: " + full);
    }

    @Test
    void aShortChainStaysInFullUnlessCompactIsAsked() {
        String text = text(new HumanRenderer().render(chainOf(2), 120));
        assertEquals(3, count(text, "✓ dns   dnsjava"), text);
        String compact = text(new HumanRenderer().render(chainOf(2), 120, true));
        assertEquals(1, count(compact, "✓ dns   dnsjava"), compact);
    }

    @Test
    void aFailedHopSaysWhichStepFailedOnItsLine() {
        NavigationResult result = chainOf(4);
        StepResult tls = result.redirects.get(2).steps.get(3);
        tls.ok = false;
        tls.error = "ERR_CERT_DATE_INVALID";
        String text = text(new HumanRenderer().render(result, 120));
        assertTrue(text.contains("✗ tls ERR_CERT_DATE_INVALID"), text);
    }

    @Test
    void detailsAreWordsNotJavaMaps() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        StepResult dns = result.steps.get(1);
        dns.detail.clear();
        dns.detail.put("servers", List.of("/127.0.0.1:44844"));
        dns.detail.put("queries", List.of(Map.of("name", "www.lab.test.", "type", "A", "cached", false, "transport", "udp")));
        dns.detail.put("fromCache", false);
        dns.detail.put("addresses", List.of("127.0.0.1"));
        dns.detail.put("port", 41471);
        dns.detail.put("portSource", "HTTPS RR of www.lab.test (1 . alpn=http/1.1 port=41471)");
        StepResult tcp = result.steps.get(2);
        tcp.detail.put("address", "127.0.0.1");
        tcp.detail.put("port", 41471);
        tcp.detail.put("portSource", "HTTPS RR of www.lab.test (1 . alpn=http/1.1 port=41471)");
        tcp.detail.put("connectMs", 1.3);
        String text = text(new HumanRenderer().render(result, 200));
        assertTrue(text.contains("127.0.0.1 · asked 127.0.0.1:44844 over udp · port 41471 from HTTPS RR of www.lab.test"), text);
        assertTrue(text.contains("127.0.0.1:41471 · port from HTTPS RR of www.lab.test · connected in 1.3 ms"), text);
        String rows = text.lines().filter(l -> l.contains("✓ dns") || l.contains("✓ tcp")).collect(Collectors.joining("\n"));
        assertFalse(rows.contains("{") || rows.contains("[") || rows.contains("="), "no Map or List dump: " + rows);
    }
}
