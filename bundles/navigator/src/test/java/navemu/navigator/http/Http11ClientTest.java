package navemu.navigator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;

class Http11ClientTest {

    private static HttpResponse parse(String raw) throws IOException {
        return Http11Client.readResponse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static NetError errorOf(String raw) {
        return assertThrows(HttpProtocolException.class, () -> parse(raw)).error();
    }

    @Test
    void aBodyDelimitedByContentLengthIsReadExactly() throws IOException {
        HttpResponse r = parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhelloEXTRA");
        assertEquals(200, r.status());
        assertEquals("OK", r.reason());
        assertEquals(5, r.bodyBytes());
        assertEquals("hello", r.bodyPreview());
        assertEquals("1", r.first("x-a"));
    }

    @Test
    void aChunkedBodyIsReassembledAndTrailersAreSkipped() throws IOException {
        HttpResponse r = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n");
        assertEquals(9, r.bodyBytes());
        assertEquals("Wikipedia", r.bodyPreview());
    }

    @Test
    void withoutLengthTheBodyEndsWhenTheServerCloses() throws IOException {
        HttpResponse r = parse("HTTP/1.0 200 OK\r\n\r\nuntil close");
        assertEquals(11, r.bodyBytes());
    }

    @Test
    void repeatedHeadersAreKeptInOrder() throws IOException {
        HttpResponse r = parse("HTTP/1.1 204 No Content\r\nStrict-Transport-Security: max-age=1\r\n"
                + "Strict-Transport-Security: max-age=2\r\n\r\n");
        assertEquals(2, r.values("strict-transport-security").size());
        assertEquals("max-age=1", r.first("Strict-Transport-Security"));
        assertEquals(0, r.bodyBytes());
    }

    @Test
    void redirectStatusesAreRecognised() throws IOException {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            assertTrue(parse("HTTP/1.1 " + status + " X\r\nLocation: /\r\nContent-Length: 0\r\n\r\n").isRedirect());
        }
    }

    @Test
    void anEmptyAnswerIsAnEmptyResponse() {
        assertEquals(NetError.ERR_EMPTY_RESPONSE, errorOf(""));
    }

    @Test
    void aStatusLineThatIsNotHttpIsAnInvalidResponse() {
        assertEquals(NetError.ERR_INVALID_RESPONSE, errorOf("SSH-2.0-OpenSSH\r\n\r\n"));
    }

    @Test
    void aHeaderWithoutColonIsAnInvalidResponse() {
        assertEquals(NetError.ERR_INVALID_RESPONSE, errorOf("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n"));
    }

    @Test
    void headersCutByCloseAreAnInvalidResponse() {
        assertEquals(NetError.ERR_INVALID_RESPONSE, errorOf("HTTP/1.1 200 OK\r\nA: b\r\n"));
    }

    @Test
    void aBadChunkSizeIsInvalidChunkedEncoding() {
        assertEquals(NetError.ERR_INVALID_CHUNKED_ENCODING,
                errorOf("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));
    }

    @Test
    void aBodyShorterThanContentLengthIsAClosedConnection() {
        assertEquals(NetError.ERR_CONNECTION_CLOSED, errorOf("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
    }

    @Test
    void aNonNumericContentLengthIsAnInvalidResponse() {
        assertEquals(NetError.ERR_INVALID_RESPONSE, errorOf("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n"));
    }

    @Test
    void endlessHeadersAreRefused() {
        String huge = "HTTP/1.1 200 OK\r\n" + "X: " + "a".repeat(70_000) + "\r\n\r\n";
        assertEquals(NetError.ERR_RESPONSE_HEADERS_TOO_BIG, errorOf(huge));
    }

    @Test
    void theRequestCarriesHostUserAgentAndAccept() {
        String request = new String(Http11Client.getRequest("/a?b=1", "www.lab.test"), StandardCharsets.US_ASCII);
        assertTrue(request.startsWith("GET /a?b=1 HTTP/1.1\r\nHost: www.lab.test\r\n"));
        assertTrue(request.contains("\r\nUser-Agent: navemu/"));
        assertTrue(request.contains("\r\nAccept: text/html"));
        assertTrue(request.endsWith("\r\n\r\n"));
    }
}
