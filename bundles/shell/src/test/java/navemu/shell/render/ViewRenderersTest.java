package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import navemu.api.result.CertificateSummary;
import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;
import navemu.api.trace.TraceEvent.Kind;
import navemu.shell.fixtures.Results;

class ViewRenderersTest {

    private static TraceEvent event(Kind kind, String step, long atMicros, String name, String text, Map<String, String> fields) {
        return new TraceEvent(kind, step, "tls13-ecdhe", atMicros * 1000, name, text, fields, 0);
    }

    private static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A TLS 1.3 full handshake as the navigator reports it. */
    private static List<TraceEvent> handshake() {
        return List.of(
                event(Kind.STEP_START, "tls", 0, "tls", "", Map.of()),
                event(Kind.SENT, "tls", 10, "ClientHello", "ClientHello (250 bytes)", fields("length", "250", "versions", "TLSv1.3")),
                event(Kind.ROUND_TRIP, "tls", 11, "rtt", "waiting for ServerHello", fields("count", "1")),
                event(Kind.RECEIVED, "tls", 900, "ServerHello", "", fields("length", "90", "group", "x25519")),
                event(Kind.SECRET, "tls", 901, "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "00aa11", Map.of()),
                event(Kind.RECEIVED, "tls", 910, "EncryptedExtensions", "", fields("length", "20")),
                event(Kind.SENT, "tls", 950, "Finished", "", fields("length", "36")),
                event(Kind.STEP_END, "tls", 960, "tls", "", Map.of()));
    }

    /** The handshake, then an HTTP/2 exchange in the http step, as the navigator's HTTP/2 client traces it. */
    static List<TraceEvent> handshakeThenHttp2() {
        List<TraceEvent> events = new java.util.ArrayList<>(handshake());
        events.addAll(List.of(
                event(Kind.STEP_START, "http", 1000, "http", "", Map.of()),
                event(Kind.SENT, "http", 1001, "connection preface", "", fields("length", "24")),
                event(Kind.SENT, "http", 1002, "SETTINGS", "", fields("stream", "0", "HEADER_TABLE_SIZE", "65536",
                        "ENABLE_PUSH", "0", "INITIAL_WINDOW_SIZE", "6291456", "MAX_HEADER_LIST_SIZE", "262144", "length", "24")),
                event(Kind.SENT, "http", 1003, "WINDOW_UPDATE", "", fields("stream", "0", "increment", "15663105", "length", "4")),
                event(Kind.SENT, "http", 1004, "HEADERS", "", fields("flags", "END_STREAM|END_HEADERS|PRIORITY", "stream", "1",
                        "headers", ":method: GET; :authority: h2.lab.test; :scheme: https; :path: /", "length", "40")),
                event(Kind.ROUND_TRIP, "http", 1005, "rtt", "request sent on stream 1", fields("count", "1")),
                event(Kind.RECEIVED, "http", 1900, "SETTINGS", "", fields("stream", "0", "MAX_CONCURRENT_STREAMS", "100", "length", "6")),
                event(Kind.SENT, "http", 1901, "SETTINGS", "", fields("flags", "ACK", "stream", "0", "length", "0")),
                event(Kind.RECEIVED, "http", 1902, "HEADERS", "", fields("flags", "END_HEADERS", "stream", "1",
                        "headers", ":status: 200", "length", "10")),
                event(Kind.RECEIVED, "http", 1903, "DATA", "", fields("flags", "END_STREAM", "stream", "1", "length", "442")),
                event(Kind.STEP_END, "http", 1904, "http", "", Map.of()),
                event(Kind.SENT, "http", 1905, "GOAWAY", "", fields("stream", "0", "lastStreamId", "0", "error", "NO_ERROR", "length", "8")),
                event(Kind.SENT, "tls", 1906, "Alert", "", fields("length", "2", "description", "close_notify"))));
        return events;
    }

    @Test
    void theLadderDrawsTheHttp2FramesAfterTheHandshake() {
        String text = text(new LadderRenderer().render(handshakeThenHttp2(), Results.ok("https://h2.lab.test/", 200, "tls13-ecdhe").tls, 100));
        int handshakeFinished = text.indexOf("Finished (36 B)");
        int frames = text.indexOf("HTTP/2 frames on the same connection");
        assertTrue(handshakeFinished > 0 && frames > handshakeFinished, text);
        assertTrue(text.indexOf("connection preface (24 B)") > frames, text);
        assertTrue(text.contains("SETTINGS (24 B)") && text.contains("INITIAL_WINDOW_SIZE=6291456"), text);
        assertTrue(text.contains("HEADERS (40 B)") && text.contains(":method: GET; :authority: h2.lab.test"), text);
        assertTrue(text.contains("◀") && text.contains("DATA (442 B)"), text);
        assertTrue(text.contains("GOAWAY (8 B)") && text.contains("error=NO_ERROR"), text);
        assertTrue(text.indexOf("handshake done") < frames && text.indexOf("GOAWAY (8 B)") < text.indexOf("close_notify"),
                "in the order they crossed the wire: " + text);
    }

    @Test
    void anHttp11ExchangeAddsNothingToTheLadder() {
        List<TraceEvent> events = new java.util.ArrayList<>(handshake());
        events.add(event(Kind.STEP_START, "http", 1000, "http", "", Map.of()));
        events.add(event(Kind.SENT, "http", 1001, "GET /", "", fields("Host", "www.lab.test", "length", "80")));
        String text = text(new LadderRenderer().render(events, null, 100));
        assertFalse(text.contains("HTTP/2") || text.contains("GET /"), text);
    }

    private static String text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void traceHidesSecretsUnlessAskedAndMarksThemSensitive() {
        String hidden = text(new TraceRenderer().render(handshake(), false, 200));
        assertFalse(hidden.contains("00aa11"), hidden);
        assertTrue(hidden.contains("1 secret hidden; 'trace --secrets' shows them"), hidden);
        String shown = text(new TraceRenderer().render(handshake(), true, 200));
        assertTrue(shown.contains("SENSITIVE   CLIENT_HANDSHAKE_TRAFFIC_SECRET 00aa11"), shown);
    }

    @Test
    void traceTimesEveryEventFromTheFirst() {
        List<AttributedString> lines = new TraceRenderer().render(handshake(), false, 200);
        assertEquals(7, lines.size() - 1);
        assertTrue(lines.get(0).toString().startsWith("    0.000 ms tls      start"), lines.get(0).toString());
        assertTrue(lines.get(1).toString().startsWith("    0.010 ms tls      C>S         ClientHello"), lines.get(1).toString());
        assertTrue(lines.get(1).toString().contains("versions=TLSv1.3"), lines.get(1).toString());
    }

    @Test
    void theLadderDrawsFlightsArrowsAndRoundTrips() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        List<AttributedString> lines = new LadderRenderer().render(handshake(), result.tls, 80);
        String text = text(lines);
        assertTrue(text.startsWith("client"), text);
        assertTrue(lines.get(0).toString().endsWith("server"), text);
        String hello = lines.stream().map(AttributedString::toString).filter(l -> l.contains("ClientHello")).findFirst().orElseThrow();
        assertTrue(hello.startsWith("   ClientHello (250 B) ─") && hello.endsWith("▶"), hello);
        String serverHello = lines.stream().map(AttributedString::toString).filter(l -> l.contains("ServerHello (")).findFirst().orElseThrow();
        assertTrue(serverHello.startsWith("  ◀─") && serverHello.endsWith(" ServerHello (90 B) "), serverHello);
        assertTrue(text.contains("round trip 1: waiting for ServerHello"), text);
        assertTrue(text.contains("flight 1 · client") && text.contains("flight 2 · server") && text.contains("flight 3 · client"), text);
        assertTrue(text.contains("group=x25519"), text);
        assertFalse(text.contains("length="), "the length is in the arrow already: " + text);
    }

    @Test
    void theClientsDummyChangeCipherSpecDoesNotCutTheServersFlight() {
        List<TraceEvent> events = List.of(
                event(Kind.STEP_START, "tls", 0, "tls", "", Map.of()),
                event(Kind.SENT, "tls", 1, "ClientHello", "", fields("length", "250")),
                event(Kind.RECEIVED, "tls", 2, "ServerHello", "", fields("length", "90")),
                event(Kind.SENT, "tls", 3, "ChangeCipherSpec", "", fields("length", "1")),
                event(Kind.RECEIVED, "tls", 4, "EncryptedExtensions", "", fields("length", "20")),
                event(Kind.RECEIVED, "tls", 5, "Finished", "", fields("length", "36")),
                event(Kind.SENT, "tls", 6, "Finished", "", fields("length", "36")),
                event(Kind.STEP_END, "tls", 7, "tls", "", Map.of()));
        String text = text(new LadderRenderer().render(events, null, 80));
        assertFalse(text.contains("flight 4"), text);
        assertTrue(text.indexOf("ChangeCipherSpec") > text.indexOf("EncryptedExtensions"), text);
        assertTrue(text.indexOf("ChangeCipherSpec") > text.indexOf("flight 3 · client"), text);
    }

    @Test
    void withoutEventsTheLadderFallsBackToTheResultsMessages() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        String text = text(new LadderRenderer().render(List.of(), result.tls, 80));
        assertTrue(text.contains("ClientHello (250 B)") && text.contains("ServerHello (90 B)"), text);
        assertEquals("the last navigation made no TLS handshake", text(new LadderRenderer().render(List.of(), null, 80)));
    }

    @Test
    void theTimelinePlacesEachStepOnOneAxisSizedToTheWidth() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        List<AttributedString> lines = new TimelineRenderer().render(result, 100);
        for (AttributedString line : lines) {
            assertTrue(line.columnLength() <= 100, line.toString());
        }
        String tls = lines.stream().map(AttributedString::toString).filter(l -> l.startsWith(" tls ")).findFirst().orElseThrow();
        String dns = lines.stream().map(AttributedString::toString).filter(l -> l.startsWith(" dns ")).findFirst().orElseThrow();
        assertTrue(tls.indexOf('█') > dns.indexOf('█'), "tls starts after dns");
        long tlsBar = tls.chars().filter(c -> c == '█').count();
        long dnsBar = dns.chars().filter(c -> c == '█').count();
        assertTrue(tlsBar > 5 * dnsBar, "40 ms draws longer than 3.2 ms: " + tlsBar + " vs " + dnsBar);
        assertTrue(tls.endsWith("40 ms 1 rtt"), tls);
    }

    @Test
    void theCertificateViewShowsEveryFieldAndTheFingerprintWithColons() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        result.cert.chain.add(new CertificateSummary("CN=www.lab.test", "CN=lab intermediate", List.of("www.lab.test"),
                "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "EC", 256, "SHA256withECDSA", "a1b2c3", false));
        result.cert.chain.add(new CertificateSummary("CN=lab root", "CN=lab root", List.of(),
                "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z", "RSA", 4096, "SHA256withRSA", "ffee", true));
        String text = text(new CertRenderer().render(result.cert));
        assertTrue(text.contains("certificate 0 (leaf)"), text);
        assertTrue(text.contains("certificate 1 (trust anchor)"), text);
        assertTrue(text.contains("  SANs      www.lab.test"), text);
        assertTrue(text.contains("  validity  2026-01-01T00:00:00Z → 2027-01-01T00:00:00Z"), text);
        assertTrue(text.contains("  key       EC 256 bits"), text);
        assertTrue(text.contains("  signature SHA256withECDSA"), text);
        assertTrue(text.contains("  SHA-256   A1:B2:C3"), text);
        assertTrue(text.contains("verdict  ✓ valid for this host  (pkix)"), text);
    }
}
