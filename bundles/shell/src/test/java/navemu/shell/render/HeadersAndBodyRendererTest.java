package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import navemu.api.result.Header;
import navemu.api.result.Hop;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;

class HeadersAndBodyRendererTest {

    private static List<String> text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }

    private static NavigationResult posted() {
        NavigationResult r = Results.ok("https://www.lab.test/echo", 200, "tls13-ecdhe");
        r.http.method = "POST";
        r.http.requestTarget = "/echo";
        r.http.requestHeaders.add(new Header("Host", "www.lab.test"));
        r.http.requestHeaders.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
        r.http.requestHeaders.add(new Header("Content-Length", "3"));
        r.http.requestBodyBytes = 3;
        r.http.headers.add(new Header("Set-Cookie", "a=1"));
        r.http.headers.add(new Header("Set-Cookie", "b=2"));
        return r;
    }

    @Test
    void headersShowsTheRequestAndResponseAsCurlVerbose() {
        List<String> lines = text(new HeadersRenderer().render(posted()));

        assertEquals(List.of("* https://www.lab.test/echo",
                "> POST /echo HTTP/1.1",
                "> Host: www.lab.test",
                "> Content-Type: application/x-www-form-urlencoded",
                "> Content-Length: 3",
                ">",
                "* 3 bytes of request body sent",
                "< HTTP/1.1 200 OK",
                "< Content-Type: text/html",
                "< Set-Cookie: a=1",
                "< Set-Cookie: b=2",
                "<"), lines);
    }

    @Test
    void headersShowsEveryHopAndTheHstsUpgradeSentNothing() {
        NavigationResult r = posted();
        Hop upgrade = new Hop();
        upgrade.url = "http://www.lab.test/echo";
        upgrade.internal = true;
        upgrade.status = 307;
        upgrade.location = "https://www.lab.test/echo";
        r.redirects.add(upgrade);

        List<String> lines = text(new HeadersRenderer().render(r));

        assertEquals("* http://www.lab.test/echo (hop 1 of 2)", lines.get(0));
        assertEquals("* internal 307 (HSTS) to https://www.lab.test/echo: nothing was sent", lines.get(1));
        assertTrue(lines.contains("* https://www.lab.test/echo (hop 2 of 2)"), lines.toString());
    }

    @Test
    void aFailureBeforeAnyResponseIsSaid() {
        NavigationResult failed = Results.failed("https://nosuch.lab.test/", "ERR_NAME_NOT_RESOLVED");
        List<String> lines = text(new HeadersRenderer().render(failed));
        assertTrue(lines.get(lines.size() - 1).startsWith("* no response: ERR_NAME_NOT_RESOLVED"), lines.toString());
    }

    @Test
    void aServersEscapeSequencesNeverReachTheTerminal() {
        NavigationResult r = posted();
        r.http.headers.add(new Header("X-Evil", "\u001b]0;owned\u0007"));
        r.http.bodyPreview = "hi\u001b[2Jthere";
        r.http.bodyBytes = 13;
        r.http.bodyPreviewBytes = 13;

        String all = String.join("\n", text(new HeadersRenderer().render(r))) + String.join("\n", text(new BodyRenderer().render(r)));

        assertFalse(all.contains("\u001b"), all);
        assertTrue(all.contains("< X-Evil: \\x1b]0;owned\\x07"), all);
        assertTrue(all.contains("hi\\x1b[2Jthere"), all);
    }

    @Test
    void bodySaysWhenOnlyItsBeginningIsKeptAndWhenItWasCut() {
        NavigationResult r = posted();
        r.http.bodyPreview = "<h1>hello</h1>\n<p>more</p>";
        r.http.bodyBytes = 20_000;
        r.http.bodyPreviewBytes = 4096;
        r.http.truncated = true;

        List<String> lines = text(new BodyRenderer().render(r));

        assertEquals("200 OK · text/html · 20000 bytes read", lines.get(0));
        assertEquals("<h1>hello</h1>", lines.get(1));
        assertEquals("<p>more</p>", lines.get(2));
        assertTrue(lines.contains("… the first 4096 of 20000 bytes shown (navemu keeps the first 4096 as text)"), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("the body went on past navemu's limit: 20000 bytes were read"),
                lines.toString());
    }

    @Test
    void bodyOfAWholeSmallResponseHasNoFootnote() {
        NavigationResult r = posted();
        r.http.bodyPreview = "ok";
        r.http.bodyBytes = 2;
        r.http.bodyPreviewBytes = 2;
        assertEquals(List.of("200 OK · text/html · 2 bytes read", "ok"), text(new BodyRenderer().render(r)));
        r.http.bodyBytes = 0;
        r.http.bodyPreview = "";
        assertEquals("(empty body)", text(new BodyRenderer().render(r)).get(1));
        HttpInfo none = null;
        r.http = none;
        assertEquals(List.of("no response, so no body"), text(new BodyRenderer().render(r)));
    }
}
