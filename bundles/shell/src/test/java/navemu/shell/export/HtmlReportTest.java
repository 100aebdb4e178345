package navemu.shell.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import navemu.api.result.CertificateSummary;
import navemu.api.result.Header;
import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;

class HtmlReportTest {

    private static NavigationResult result() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        result.cert.chain.add(new CertificateSummary("CN=www.lab.test", "CN=<lab> intermediate", List.of("www.lab.test"),
                "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "EC", 256, "SHA256withECDSA", "a1b2", false));
        return result;
    }

    @Test
    void thePageHoldsTheWaterfallTheLadderAndTheChain() {
        String html = new HtmlReport().write(result(), List.of());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("id=\"waterfall\"") && html.contains("class=\"bar\""), "waterfall");
        assertTrue(html.contains("id=\"ladder\"") && html.contains("ClientHello (250 B)"), "ladder");
        assertTrue(html.contains("id=\"certificates\"") && html.contains("SHA256withECDSA"), "certificate chain");
        assertTrue(html.contains("id=\"explain\""), "plain words");
    }

    @Test
    void aRequestOnAReusedConnectionSaysSoInsteadOfDrawingNothing() {
        NavigationResult result = result();
        result.steps.removeIf(s -> !s.step.equals("hsts") && !s.step.equals("http"));
        result.steps.stream().filter(s -> s.step.equals("http")).forEach(s -> {
            s.detail.put("connection", 3L);
            s.detail.put("reused", true);
        });
        String html = new HtmlReport().write(result, List.of());
        assertTrue(html.contains("sent on reused connection #3: no DNS, TCP or TLS for it"), html);
        assertFalse(html.contains("no TLS handshake was made"), html);
    }

    @Test
    void thePageFetchesNothing() {
        String html = new HtmlReport().write(result(), List.of());
        assertFalse(Pattern.compile("(?i)<(script|link|img|iframe)|src=|href=|url\\(|@import").matcher(html).find(), html);
    }

    @Test
    void textFromTheNetworkIsEscaped() {
        String html = new HtmlReport().write(result(), List.of());
        assertTrue(html.contains("CN=&lt;lab&gt; intermediate"));
        assertFalse(html.contains("<lab>"));
    }

    @Test
    void hostileValuesFromTheWireAreTextInTheTablesAndInTheDiagram() {
        NavigationResult result = result();
        result.http.headers.add(new Header("X-\"Evil\"", "</td><script>alert('x')</script>\u0000"));
        result.cert.problems.add("certificate 1 (CN=<img src=x>): expired");
        List<navemu.api.trace.TraceEvent> events = List.of(
                new navemu.api.trace.TraceEvent(navemu.api.trace.TraceEvent.Kind.STEP_START, "tls", "tls13-ecdhe", 0, "tls", "",
                        java.util.Map.of(), 0),
                new navemu.api.trace.TraceEvent(navemu.api.trace.TraceEvent.Kind.RECEIVED, "tls", "tls13-ecdhe", 1,
                        "Certificate", "", java.util.Map.of("subject", "CN=\"><svg onload=alert(1)>"), 0));
        String html = new HtmlReport().write(result, events);

        assertFalse(Pattern.compile("(?i)<(script|img)|<svg onload").matcher(html).find(), html);
        assertTrue(html.contains("&lt;/td&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\uFFFD"), "a header value, NUL shown as U+FFFD");
        assertTrue(html.contains("X-&quot;Evil&quot;"), "a header name");
        assertTrue(html.contains("CN=&lt;img src=x&gt;"), "a certificate problem");
        assertTrue(html.contains("subject=CN=&quot;&gt;&lt;svg onload=alert(1)&gt;"), "a field beside an arrow of the diagram");
    }
}
