package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.twitter.hpack.Decoder;

import navemu.api.NetError;
import navemu.api.nav.RequestOptions;
import navemu.api.trace.StepTrace;
import navemu.navigator.http.HttpProtocolException;
import navemu.navigator.http.HttpResponse;
import navemu.navigator.http.HttpTransport;
import navemu.navigator.http.RequestMessage;

/** Our HTTP/2 client against scripted servers on loopback: the frames Chrome sends, and hostile peers. */
class Http2TransportTest {

    private static final int DATA = 0x0, HEADERS = 0x1, RST_STREAM = 0x3, SETTINGS = 0x4, PING = 0x6, GOAWAY = 0x7,
            WINDOW_UPDATE = 0x8;

    /** The trace as a list of "SENT NAME" / "RECEIVED NAME" with the fields. */
    static final class Recorded implements StepTrace {
        final List<String> lines = new ArrayList<>();
        final List<Map<String, String>> fields = new ArrayList<>();
        final List<String> infos = new ArrayList<>();
        final List<Integer> lengths = new ArrayList<>();

        @Override public void info(String text) { infos.add(text); }
        @Override public void sent(String message, int length, Map<String, String> f) { lines.add("SENT " + message); fields.add(f); lengths.add(length); }
        @Override public void received(String message, int length, Map<String, String> f) { lines.add("RECEIVED " + message); fields.add(f); lengths.add(length); }
        @Override public void secret(String label, String hex) { }
        @Override public void roundTrip(String why) { }
        @Override public void detail(String key, Object value) { }

        Map<String, String> first(String line) {
            int i = lines.indexOf(line);
            return i < 0 ? null : fields.get(i);
        }
    }

    private final Recorded trace = new Recorded();

    private static RequestMessage get(String path) {
        return RequestMessage.of(RequestOptions.NAVIGATION, path, "h2.lab.test");
    }

    /** Runs one exchange against {@code script}; returns the server, finished, for its record of our frames. */
    private ScriptedH2Server exchange(ScriptedH2Server.Script script, Check check) throws Exception {
        return exchange(script, check, true);
    }

    interface Check {
        void on(Http2Transport transport) throws Exception;
    }

    private ScriptedH2Server exchange(ScriptedH2Server.Script script, Check check, boolean replenish) throws Exception {
        ScriptedH2Server server = new ScriptedH2Server(script);
        try (server; Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(2000);
            Http2Transport transport = new Http2Transport(socket.getInputStream(), socket.getOutputStream(), "https", replenish);
            check.on(transport);
            transport.close();
            socket.shutdownOutput();
            server.finish();
        }
        assertNull(server.failure, () -> "the scripted server failed: " + server.failure);
        return server;
    }

    private static HttpResponse ok(HttpTransport transport, RequestMessage message, StepTrace trace) throws IOException {
        return transport.exchange(message, false, trace, () -> { }).response();
    }

    private static NetError failure(Http2Transport transport, RequestMessage message, StepTrace trace) {
        return assertThrows(HttpProtocolException.class, () -> ok(transport, message, trace)).error();
    }

    @Test
    void theClientSpeaksFirstAsChromeDoesAndReadsAResponse() throws Exception {
        AtomicBoolean headersRead = new AtomicBoolean();
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200", "content-type", "text/plain");
            side.data(1, true, "hello");
        }, transport -> {
            assertEquals("h2", transport.protocol());
            HttpTransport.Exchange exchange = transport.exchange(get("/a?b=1"), false, trace, () -> headersRead.set(true));
            HttpResponse response = exchange.response();
            assertEquals("HTTP/2", response.version());
            assertEquals(200, response.status());
            assertEquals("text/plain", response.first("Content-Type"));
            assertEquals("hello", response.bodyPreview());
            assertEquals(5, response.bodyBytes());
            assertTrue(headersRead.get());
            assertTrue(exchange.firstByteNanos() >= exchange.sentNanos());
            assertTrue(transport.reusable());
        });
        assertArrayEquals("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII), server.preface);
        // Chrome's SETTINGS exactly: 1:65536, 2:0, 4:6291456, 6:262144, in that order.
        ScriptedH2Server.Seen settings = server.seen.get(0);
        assertEquals(SETTINGS, settings.type());
        assertEquals(0, settings.flags());
        assertArrayEquals(new byte[] {0, 1, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 4, 0, 0x60, 0, 0, 0, 6, 0, 4, 0, 0},
                settings.payload());
        ScriptedH2Server.Seen windowUpdate = server.seen.get(1);
        assertEquals(WINDOW_UPDATE, windowUpdate.type());
        assertEquals(0, windowUpdate.stream());
        assertEquals(15_663_105, windowUpdate.uint32(0));
        ScriptedH2Server.Seen headers = server.seen.get(2);
        assertEquals(HEADERS, headers.type());
        assertEquals(1, headers.stream());
        assertEquals(0x1 | 0x4 | 0x20, headers.flags(), "END_STREAM|END_HEADERS|PRIORITY");
        assertArrayEquals(new byte[] {(byte) 0x80, 0, 0, 0, (byte) 255}, java.util.Arrays.copyOf(headers.payload(), 5),
                "exclusive, depends on 0, weight 256");
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        new Decoder(65536, 4096).decode(new ByteArrayInputStream(headers.payload(), 5, headers.payload().length - 5),
                (n, v, s) -> { names.add(new String(n, StandardCharsets.ISO_8859_1)); values.add(new String(v, StandardCharsets.ISO_8859_1)); });
        assertEquals(List.of(":method", ":authority", ":scheme", ":path"), names.subList(0, 4));
        assertEquals(List.of("GET", "h2.lab.test", "https", "/a?b=1"), values.subList(0, 4));
        assertFalse(names.contains("host") || names.contains("connection"), "no HTTP/1.1 connection fields: " + names);
        assertTrue(names.stream().allMatch(n -> n.equals(n.toLowerCase())), names.toString());
        // The client ACKed the server's SETTINGS, and said GOAWAY NO_ERROR when closed.
        assertTrue(server.seen.stream().anyMatch(f -> f.type() == SETTINGS && f.flags() == 1));
        ScriptedH2Server.Seen goAway = server.first(GOAWAY);
        assertNotNull(goAway);
        assertEquals(0, goAway.uint32(4));
        // One trace event per frame, with its fields.
        assertEquals(List.of("SENT connection preface", "SENT SETTINGS", "SENT WINDOW_UPDATE", "SENT HEADERS",
                "RECEIVED SETTINGS", "SENT SETTINGS", "RECEIVED SETTINGS", "RECEIVED HEADERS", "RECEIVED DATA", "SENT GOAWAY"),
                trace.lines);
        Map<String, String> sentSettings = trace.first("SENT SETTINGS");
        assertEquals("65536", sentSettings.get("HEADER_TABLE_SIZE"));
        assertEquals("0", sentSettings.get("ENABLE_PUSH"));
        assertEquals("6291456", sentSettings.get("INITIAL_WINDOW_SIZE"));
        assertEquals("262144", sentSettings.get("MAX_HEADER_LIST_SIZE"));
        assertEquals("15663105", trace.first("SENT WINDOW_UPDATE").get("increment"));
        Map<String, String> sentHeaders = trace.first("SENT HEADERS");
        assertEquals("END_STREAM|END_HEADERS|PRIORITY", sentHeaders.get("flags"));
        assertEquals("256", sentHeaders.get("weight"));
        assertTrue(sentHeaders.get("headers").startsWith(":method: GET; :authority: h2.lab.test; :scheme: https; :path: /a?b=1"),
                sentHeaders.get("headers"));
        assertEquals(":status: 200; content-type: text/plain", trace.first("RECEIVED HEADERS").get("headers"));
        assertEquals("END_STREAM", trace.fields.get(trace.lines.indexOf("RECEIVED DATA")).get("flags"));
        assertEquals("NO_ERROR", trace.first("SENT GOAWAY").get("error"));
    }

    @Test
    void theNextRequestIsStreamThreeOnTheSameConnection() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, true, ":status", "204");
            side.flush();
            ScriptedH2Server.Seen second = side.readUntil(HEADERS);
            assertEquals(3, second.stream());
            side.headers(3, false, ":status", "200");
            side.data(3, true, "second");
        }, transport -> {
            assertEquals(204, ok(transport, get("/"), trace).status());
            assertTrue(transport.reusable());
            assertEquals("second", ok(transport, get("/next"), trace).bodyPreview());
        });
        assertEquals(1, server.seen.stream().filter(f -> f.type() == SETTINGS && f.flags() == 0).count(),
                "the preface and SETTINGS go once per connection");
    }

    @Test
    void aPingIsAnsweredWithTheSameEightOctets() throws Exception {
        byte[] opaque = {1, 2, 3, 4, 5, 6, 7, 8};
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.frame(PING, 0, 0, opaque);
            side.headers(1, true, ":status", "200");
        }, transport -> assertEquals(200, ok(transport, get("/"), trace).status()));
        ScriptedH2Server.Seen ack = server.seen.stream().filter(f -> f.type() == PING).findFirst().orElseThrow();
        assertEquals(1, ack.flags());
        assertArrayEquals(opaque, ack.payload());
    }

    @Test
    void aRequestBodyGoesInDataFramesAfterHeadersWithoutEndStream() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(DATA);
            side.open();
            side.headers(1, true, ":status", "201");
        }, transport -> {
            RequestMessage post = RequestMessage.of(new RequestOptions("POST", List.of(),
                    "a=1".getBytes(StandardCharsets.UTF_8)), "/echo", "h2.lab.test");
            assertEquals(201, ok(transport, post, trace).status());
        });
        ScriptedH2Server.Seen headers = server.first(HEADERS);
        assertEquals(0x4 | 0x20, headers.flags(), "END_HEADERS|PRIORITY, the stream stays open for the body");
        ScriptedH2Server.Seen data = server.first(DATA);
        assertEquals(1, data.flags());
        assertEquals("a=1", new String(data.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void aHeaderBlockInContinuationFramesIsJoined() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            byte[] block = side.block(":status", "200", "x-long", "v".repeat(100));
            side.frame(HEADERS, 0x1, 1, java.util.Arrays.copyOf(block, 10));
            side.frame(0x9, 0, 1, java.util.Arrays.copyOfRange(block, 10, 20));
            side.frame(0x9, 0x4, 1, java.util.Arrays.copyOfRange(block, 20, block.length));
        }, transport -> assertEquals("v".repeat(100), ok(transport, get("/"), trace).first("x-long")));
        assertEquals(List.of("RECEIVED HEADERS", "RECEIVED CONTINUATION", "RECEIVED CONTINUATION"),
                trace.lines.stream().filter(l -> l.startsWith("RECEIVED H") || l.startsWith("RECEIVED C")).toList());
    }

    @Test
    void aLongBodyIsPaidForWithWindowUpdatesOnTheStreamAndTheConnection() throws Exception {
        int length = 3_500_000; // more than half of the 6 MiB stream window
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200", "content-length", Integer.toString(length));
            byte[] chunk = new byte[16_384];
            for (int sent = 0; sent < length; sent += chunk.length) {
                int n = Math.min(chunk.length, length - sent);
                side.data(1, sent + n == length, java.util.Arrays.copyOf(chunk, n));
            }
        }, transport -> {
            HttpResponse response = ok(transport, get("/big"), trace);
            assertEquals(length, response.bodyBytes());
            assertFalse(response.truncated());
        });
        assertTrue(server.seen.stream().anyMatch(f -> f.type() == WINDOW_UPDATE && f.stream() == 1),
                "a WINDOW_UPDATE for stream 1 once half its window was used");
    }

    // --- hostile servers -----------------------------------------------------------------------

    private int goAwayCode(ScriptedH2Server server) {
        ScriptedH2Server.Seen goAway = server.first(GOAWAY);
        assertNotNull(goAway, "the client sent GOAWAY");
        return (int) goAway.uint32(4);
    }

    @Test
    void aFrameOverOurMaxFrameSizeIsAFrameSizeError() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200");
            side.data(1, true, new byte[16_385]);
        }, transport -> {
            assertEquals(NetError.ERR_HTTP2_FRAME_SIZE_ERROR, failure(transport, get("/"), trace));
            assertFalse(transport.reusable());
        });
        assertEquals(0x6, goAwayCode(server), "FRAME_SIZE_ERROR");
    }

    @Test
    void aHeaderListOverOurLimitResetsTheStream() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            byte[] block = side.block(":status", "200", "x-a", "a".repeat(16_000), "x-b", "b".repeat(16_000),
                    "x-c", "c".repeat(16_000));
            // 17 literal copies of ~48 kB: past 262144 octets decoded, each an indexed field of one octet.
            java.io.ByteArrayOutputStream many = new java.io.ByteArrayOutputStream();
            many.writeBytes(block);
            for (int i = 0; i < 20; i++) {
                many.writeBytes(side.block("x-a", "a".repeat(16_000)));
            }
            byte[] all = many.toByteArray();
            side.frame(HEADERS, 0x1, 1, java.util.Arrays.copyOf(all, Math.min(all.length, 16_384)));
            for (int at = 16_384; at < all.length; at += 16_384) {
                int end = Math.min(all.length, at + 16_384);
                side.frame(0x9, end == all.length ? 0x4 : 0, 1, java.util.Arrays.copyOfRange(all, at, end));
            }
        }, transport -> assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, failure(transport, get("/"), trace)));
        ScriptedH2Server.Seen reset = server.first(RST_STREAM);
        assertNotNull(reset, "the stream was reset");
        assertEquals(1, reset.stream());
        assertEquals(0x1, reset.uint32(0), "PROTOCOL_ERROR");
    }

    @Test
    void aContinuationFloodIsCutOff() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.frame(HEADERS, 0, 1, side.block(":status", "200"));
            byte[] filler = new byte[16_384];
            try {
                for (int i = 0; i < 100; i++) { // 1.6 MB of CONTINUATION without END_HEADERS
                    side.frame(0x9, 0, 1, filler);
                }
            } catch (IOException clientGaveUp) {
                // the client stopped reading and closed: what this test expects
            }
        }, transport -> assertEquals(NetError.ERR_HTTP2_COMPRESSION_ERROR, failure(transport, get("/"), trace)));
        assertEquals(0x9, goAwayCode(server), "COMPRESSION_ERROR");
        assertTrue(trace.lines.stream().filter(l -> l.equals("RECEIVED CONTINUATION")).count() <= 17,
                "read no more than the header block limit");
    }

    @Test
    void aHeaderBlockHpackCannotDecodeIsACompressionError() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.frame(HEADERS, 0x5, 1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}); // index far past both tables
        }, transport -> assertEquals(NetError.ERR_HTTP2_COMPRESSION_ERROR, failure(transport, get("/"), trace)));
        assertEquals(0x9, goAwayCode(server), "COMPRESSION_ERROR");
    }

    @Test
    void dataBeyondTheFlowControlWindowIsAFlowControlError() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200");
            byte[] chunk = new byte[16_384];
            try {
                for (int sent = 0; sent <= 6_291_456; sent += chunk.length) { // one frame more than the window
                    side.data(1, false, chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the client closed
            }
        }, transport -> assertEquals(NetError.ERR_HTTP2_FLOW_CONTROL_ERROR, failure(transport, get("/"), trace)), false);
        assertEquals(0x3, goAwayCode(server), "FLOW_CONTROL_ERROR");
    }

    @Test
    void aNewInitialWindowThatOverflowsOurStreamsWindowIsAFlowControlError() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            byte[] increment = new byte[4];
            ScriptedH2Server.put32(increment, 0, 0x7fffffffL - 65_535); // stream 1's send window becomes 2^31-1
            side.frame(WINDOW_UPDATE, 0, 1, increment);
            side.settings(0x4, 65_536); // one more octet for every stream: stream 1's passes 2^31-1 (RFC 9113 §6.9.2)
            side.headers(1, true, ":status", "200");
        }, transport -> {
            assertEquals(NetError.ERR_HTTP2_FLOW_CONTROL_ERROR, failure(transport, get("/"), trace));
            assertFalse(transport.reusable());
        });
        assertEquals(0x3, goAwayCode(server), "FLOW_CONTROL_ERROR");
    }

    @Test
    void aResponseOnAStreamWeDidNotOpenIsAProtocolError() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(3, true, ":status", "200");
        }, transport -> assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, failure(transport, get("/"), trace)));
        assertEquals(0x1, goAwayCode(server), "PROTOCOL_ERROR");
    }

    @Test
    void goAwayBelowOurStreamRefusesIt() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.goAway(0, 0);
        }, transport -> {
            assertEquals(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, failure(transport, get("/"), trace));
            assertFalse(transport.reusable());
            assertTrue(transport.lostBeforeResponse(), "RFC 9113 §6.8: not processed, so it may go again");
        });
    }

    @Test
    void goAwayThenCloseInTheMiddleOfTheResponseIsAClosedConnection() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200", "content-length", "100");
            side.data(1, false, "part");
            side.goAway(1, 0x2);
            side.hangUp();
        }, transport -> {
            assertEquals(NetError.ERR_CONNECTION_CLOSED, failure(transport, get("/"), trace));
            assertFalse(transport.reusable());
            assertFalse(transport.lostBeforeResponse(), "the response began: never sent again");
        });
    }

    @Test
    void rstStreamInTheMiddleOfTheResponseFailsTheRequest() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200");
            side.data(1, false, "part");
            side.rstStream(1, 0x2); // INTERNAL_ERROR
        }, transport -> assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, failure(transport, get("/"), trace)));
    }

    @Test
    void rstStreamRefusedStreamIsServerRefusedStream() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.rstStream(1, 0x7);
        }, transport -> {
            assertEquals(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, failure(transport, get("/"), trace));
            assertTrue(transport.lostBeforeResponse(), "RFC 9113 §8.7: not processed, so it may go again");
        });
    }

    @Test
    void aRefusedStreamAfterItsResponseHeadersIsNotALostRequest() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200");
            side.rstStream(1, 0x7);
        }, transport -> {
            assertEquals(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, failure(transport, get("/"), trace));
            assertFalse(transport.lostBeforeResponse(), "the response began: never sent again");
        });
    }

    @Test
    void aConnectionClosedBeforeAnyFrameOfOurStreamLosesTheRequest() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open(); // the connection's own frames are not our stream's response
            side.hangUp();
        }, transport -> {
            assertEquals(NetError.ERR_CONNECTION_CLOSED, failure(transport, get("/"), trace));
            assertTrue(transport.lostBeforeResponse());
        });
    }

    @Test
    void aProtocolErrorOrAnAnsweredRequestIsNotALostOne() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, true, ":status", "204");
            side.readUntil(HEADERS);
            side.frame(0x6, 0, 0, new byte[3]); // a PING of 3 octets: FRAME_SIZE_ERROR, before any frame of stream 3
        }, transport -> {
            assertEquals(204, ok(transport, get("/"), trace).status());
            assertFalse(transport.lostBeforeResponse());
            assertEquals(NetError.ERR_HTTP2_FRAME_SIZE_ERROR, failure(transport, get("/"), trace));
            assertFalse(transport.lostBeforeResponse(), "an error in what the server sent is Chromium's error, not a retry");
        });
    }

    @Test
    void aServerWhoseFirstFrameIsNotSettingsBreaksThePreface() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.headers(1, true, ":status", "200");
        }, transport -> assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, failure(transport, get("/"), trace)));
        assertEquals(0x1, goAwayCode(server), "PROTOCOL_ERROR");
    }

    @Test
    void aServerThatNeverSendsSettingsEndsInTheReadTimeout() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            try {
                Thread.sleep(2500); // longer than the client's read timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, transport -> {
            assertThrows(SocketTimeoutException.class, () -> ok(transport, get("/"), trace));
            assertFalse(transport.lostBeforeResponse(), "a server that says nothing did not lose the request");
        });
    }

    @Test
    void pushPromiseIsRefusedBecauseWeDisabledPush() throws Exception {
        ScriptedH2Server server = exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.frame(0x5, 0x4, 1, new byte[] {0, 0, 0, 2, (byte) 0x82});
        }, transport -> assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, failure(transport, get("/"), trace)));
        assertEquals(0x1, goAwayCode(server), "PROTOCOL_ERROR");
    }

    @Test
    void aMalformedResponseWithoutStatusIsAProtocolError() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, true, "content-type", "text/plain");
        }, transport -> assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, failure(transport, get("/"), trace)));
    }

    @Test
    void aFloodOfPingsIsAnsweredButNotListedOneByOne() throws Exception {
        exchange(side -> {
            side.readUntil(HEADERS);
            side.open();
            for (int i = 0; i < 2000; i++) {
                side.frame(PING, 0, 0, new byte[8]);
            }
            side.headers(1, true, ":status", "200");
        }, transport -> assertEquals(200, ok(transport, get("/"), trace).status()));
        assertTrue(trace.lines.size() <= 4 * Http2Transport.MAX_TRACED_FRAMES + 2, "trace bounded: " + trace.lines.size());
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("not listed one by one")), trace.infos.toString());
    }
}
