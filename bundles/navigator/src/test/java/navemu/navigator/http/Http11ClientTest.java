package navemu.navigator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    void aContentLengthThatIsNotOnlyDigitsIsIgnoredAndTheBodyEndsAtClose() throws IOException {
        // Chromium (HttpResponseHeaders::GetContentLength) takes only 1*DIGIT; "+5" is not 5.
        for (String bad : new String[] {"+5", "ten", "-5", "5x", "99999999999999999999"}) {
            HttpResponse r = parse("HTTP/1.1 200 OK\r\nContent-Length: " + bad + "\r\n\r\nhello, until close");
            assertEquals(18, r.bodyBytes(), bad);
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("is not 1*DIGIT")), bad + ": " + r.notes());
        }
    }

    @Test
    void interimResponsesAreReadAndSkippedBeforeTheFinalOne() throws IOException {
        HttpResponse r = parse("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        assertEquals(200, r.status());
        assertEquals("hi", r.bodyPreview());
        assertEquals(List.of(), r.values("Link"), "the hints' headers are not the final response's");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("103 Early Hints") && n.contains("/style.css")), r.notes().toString());
    }

    @Test
    void endlessInterimResponsesRunIntoTheHeaderLimit() {
        String raw = "HTTP/1.1 103 Early Hints\r\n\r\n".repeat(Http11Client.MAX_HEADER_BYTES / 20);
        assertEquals(NetError.ERR_RESPONSE_HEADERS_TOO_BIG, errorOf(raw));
    }

    @Test
    void differingContentLengthsAreRefusedAsChromiumDoes() {
        assertEquals(NetError.ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH,
                errorOf("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nhello"));
        assertEquals(NetError.ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH,
                errorOf("HTTP/1.1 200 OK\r\nContent-Length: 3, 5\r\n\r\nhello"));
    }

    @Test
    void identicalRepeatedContentLengthsAreAccepted() throws IOException {
        assertEquals(5, parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhelloEXTRA").bodyBytes());
        assertEquals(5, parse("HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhelloEXTRA").bodyBytes());
    }

    @Test
    void differingContentLengthsBesideTransferEncodingAreLeftToTheChunks() throws IOException {
        HttpResponse r = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n"
                + "Content-Length: 2\r\n\r\n2\r\nok\r\n0\r\n\r\n");
        assertEquals("ok", r.bodyPreview());
    }

    @Test
    void differingLocationsAreRefusedAndIdenticalOnesAccepted() throws IOException {
        assertEquals(NetError.ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION,
                errorOf("HTTP/1.1 302 Found\r\nLocation: /a\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n"));
        HttpResponse same = parse("HTTP/1.1 302 Found\r\nLocation: /a\r\nLocation: /a\r\nContent-Length: 0\r\n\r\n");
        assertEquals("/a", same.first("Location"));
        assertEquals(NetError.ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION,
                errorOf("HTTP/1.1 200 OK\r\nContent-Disposition: inline\r\nContent-Disposition: attachment\r\n"
                        + "Content-Length: 0\r\n\r\n"));
    }

    @Test
    void obsFoldIsReplacedWithASpace() throws IOException {
        HttpResponse r = parse("HTTP/1.1 200 OK\r\nX-Long: first\r\n  second\r\n\tthird\r\nContent-Length: 2\r\n\r\nok");
        assertEquals("first second third", r.first("X-Long"));
        assertEquals("ok", r.bodyPreview());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("obs-fold")), r.notes().toString());
    }

    @Test
    void anIndentedLineBeforeTheFirstHeaderIsIgnored() throws IOException {
        HttpResponse r = parse("HTTP/1.1 200 OK\r\n  stray\r\nContent-Length: 2\r\n\r\nok");
        assertEquals("ok", r.bodyPreview());
        assertEquals(1, r.headers().size());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("ignored an indented line")), r.notes().toString());
    }

    @Test
    void manyInterimResponsesAreCountedNotListed() throws IOException {
        HttpResponse r = parse("HTTP/1.1 103 Early Hints\r\n\r\n".repeat(12) + "HTTP/1.1 204 No Content\r\n\r\n");
        assertEquals(204, r.status());
        assertEquals(Http11Client.MAX_INTERIM_NOTES + 1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(r.notes().size() - 1).startsWith("7 more interim responses"), r.notes().toString());
    }

    @Test
    void statusCodesOutsideOneHundredToFiveNinetyNineAreInvalidHttp() throws IOException {
        for (String status : new String[] {"000", "099", "600", "999", "20", "2000", "abc"}) {
            assertEquals(NetError.ERR_INVALID_HTTP_RESPONSE, errorOf("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\n\r\n"), status);
        }
        assertEquals(599, parse("HTTP/1.1 599 Custom\r\nContent-Length: 0\r\n\r\n").status());
    }

    @Test
    void aBodyOfManyOneByteChunksIsReadWhole() throws IOException {
        int size = 15 * 1024;
        StringBuilder raw = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < size; i++) {
            raw.append("1\r\nx\r\n");
        }
        raw.append("0\r\n\r\n");
        HttpResponse r = parse(raw.toString());
        assertEquals(size, r.bodyBytes());
        assertFalse(r.truncated());
    }

    @Test
    void aChunkSizeWithASignIsInvalid() {
        assertEquals(NetError.ERR_INVALID_CHUNKED_ENCODING,
                errorOf("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+2\r\nok\r\n0\r\n\r\n"));
    }

    @Test
    void aBodyOverTheLimitIsTruncatedAndSaysSo() throws IOException {
        long over = Http11Client.MAX_BODY_BYTES + 10;
        // By length, by close and by chunks: the reader stops at the limit and says it did.
        HttpResponse byLength = Http11Client.readResponse(new SequenceInputStream(
                head("Content-Length: " + over), new Zeros(over)));
        HttpResponse byClose = Http11Client.readResponse(new SequenceInputStream(head("X: 1"), new Zeros(over)));
        for (HttpResponse r : List.of(byLength, byClose)) {
            assertTrue(r.truncated());
            assertEquals(Http11Client.MAX_BODY_BYTES, r.bodyBytes());
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("truncated")), r.notes().toString());
        }
        String chunk = Long.toHexString(over) + "\r\n";
        HttpResponse byChunks = Http11Client.readResponse(new SequenceInputStream(
                head("Transfer-Encoding: chunked"), new SequenceInputStream(ascii(chunk), new Zeros(over))));
        assertTrue(byChunks.truncated());
        assertEquals(Http11Client.MAX_BODY_BYTES, byChunks.bodyBytes());
    }

    @Test
    void aBodyOfExactlyTheLimitIsNotTruncated() throws IOException {
        HttpResponse r = Http11Client.readResponse(new SequenceInputStream(head("X: 1"), new Zeros(Http11Client.MAX_BODY_BYTES)));
        assertFalse(r.truncated());
        assertEquals(Http11Client.MAX_BODY_BYTES, r.bodyBytes());
    }

    @Test
    void theCallerIsToldWhenTheHeadersEndAndTheBodyBegins() throws IOException {
        List<String> order = new ArrayList<>();
        InputStream in = new FilterInputStream(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                order.add("body read");
                return super.read(b, off, len);
            }
        };
        Http11Client.readResponse(in, () -> order.add("headers read"));
        assertEquals("headers read", order.get(0), order.toString());
        assertTrue(order.contains("body read"));
    }

    private static InputStream head(String header) {
        return ascii("HTTP/1.1 200 OK\r\n" + header + "\r\n\r\n");
    }

    private static InputStream ascii(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code length} zero bytes, without holding them in memory. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long length) {
            left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
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
