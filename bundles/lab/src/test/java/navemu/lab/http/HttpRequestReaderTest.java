package navemu.lab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.lab.site.HttpBehaviour;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HttpRequestReaderTest {

    private static HttpRequestReader reader(String text) {
        return new HttpRequestReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsPipelinedRequestsSkippingBodiesAndLeadingEmptyLines() throws Exception {
        HttpRequestReader reader = reader("\r\nGET /a?x=1 HTTP/1.1\r\nHost: h\r\nX-Two: 1\r\nx-two: 2\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /c HTTP/1.0\n\n");
        HttpRequest first = reader.next();
        assertEquals("/a", first.path());
        assertEquals(List.of("1", "2"), first.headers().get("x-two"));
        assertFalse(first.wantsClose());
        HttpRequest second = reader.next();
        assertEquals("POST", second.method());
        HttpRequest third = reader.next();
        assertEquals("/c", third.target());
        assertTrue(third.wantsClose(), "HTTP/1.0 closes (RFC 9112 §9.3)");
        assertNull(reader.next(), "end of stream between requests");
    }

    @Test
    void connectionCloseIsATokenInAList() throws Exception {
        assertTrue(reader("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n").next().wantsClose());
    }

    @Test
    void badRequestsGetTheRightStatus() {
        assertEquals(400, status("GARBAGE\r\n\r\n"));
        assertEquals(400, status("GET / HTTP/1.1\r\n\r\n"));                       // no Host
        assertEquals(400, status("GET / HTTP/1.1\r\nHost : h\r\n\r\n"));          // space before the colon
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: h\r\n"));               // cut short
        for (String version : new String[] {"HTTP/1.2", "HTTP/2.0", "HTTP/1.1x", "HTTP/1", "http/1.1"}) {
            assertEquals(400, status("GET / " + version + "\r\nHost: h\r\n\r\n"), version);
        }
        assertEquals(411, status("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"));
        assertEquals(413, status("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999\r\n\r\n"));
        assertEquals(431, status("GET / HTTP/1.1\r\nHost: h\r\nX: " + "a".repeat(HttpRequestReader.MAX_HEADER_BYTES) + "\r\n\r\n"));
    }

    private static int status(String text) {
        return assertThrows(BadRequestException.class, () -> reader(text).next()).status();
    }

    @Test
    void aResponseCarriesContentLengthAndHeadSendsNoBody() throws Exception {
        HttpResponse response = new HttpResponse(200, List.of("X: y"), "body".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream get = new ByteArrayOutputStream();
        response.writeTo(get, true, true);
        assertEquals("HTTP/1.1 200 OK\r\nX: y\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbody", get.toString(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        response.writeTo(head, false, false);
        assertEquals("HTTP/1.1 200 OK\r\nX: y\r\nContent-Length: 4\r\n\r\n", head.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theResponderFollowsItsBehaviour() throws Exception {
        HttpBehaviour chain = new HttpBehaviour(HttpBehaviour.Mode.PAGE,
                Map.of("/", new HttpBehaviour.Redirect(301, "/a"), "/a", new HttpBehaviour.Redirect(307, "/end")), List.of("X-Site: 1"));
        SiteResponder responder = new SiteResponder("r.lab.test", "https", "test", chain);
        HttpRequest root = reader("GET / HTTP/1.1\r\nHost: r\r\n\r\n").next();
        HttpResponse first = responder.respond(root, "TLSv1.3");
        assertEquals(301, first.status());
        assertTrue(first.headers().contains("Location: /a") && first.headers().contains("X-Site: 1"), first.headers().toString());
        assertEquals(200, responder.respond(reader("GET /end HTTP/1.1\r\nHost: r\r\n\r\n").next(), "TLSv1.3").status());
        assertEquals(404, responder.respond(reader("GET /other HTTP/1.1\r\nHost: r\r\n\r\n").next(), "TLSv1.3").status());
        assertEquals(405, responder.respond(reader("DELETE / HTTP/1.1\r\nHost: r\r\n\r\n").next(), "TLSv1.3").status());
    }

    @Test
    void echoAnswersAnyMethodWithWhatItReceivedAndItsRedirectsKeepTheirStatus() throws Exception {
        SiteResponder responder = new SiteResponder("e.lab.test", "https", "test",
                new HttpBehaviour(HttpBehaviour.Mode.PAGE, Map.of(), List.of()));
        HttpRequest post = reader("POST /echo?x=1 HTTP/1.1\r\nHost: e\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 7\r\n\r\na=1&b=2").next();

        HttpResponse echoed = responder.respond(post, "TLSv1.3");

        assertEquals(200, echoed.status());
        assertEquals("POST /echo?x=1 HTTP/1.1\nhost: e\ncontent-type: text/plain\ncontent-length: 7\n\na=1&b=2",
                new String(echoed.body(), StandardCharsets.ISO_8859_1));
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            HttpResponse moved = responder.respond(reader("POST /echo/redirect/" + status
                    + " HTTP/1.1\r\nHost: e\r\nContent-Length: 0\r\n\r\n").next(), "TLSv1.3");
            assertEquals(status, moved.status());
            assertTrue(moved.headers().contains("Location: /echo"), moved.headers().toString());
        }
        assertEquals(405, responder.respond(reader("POST /echo/redirect/200 HTTP/1.1\r\nHost: e\r\n\r\n").next(),
                "TLSv1.3").status(), "only the redirect statuses; anything else is an ordinary path");
    }
}
