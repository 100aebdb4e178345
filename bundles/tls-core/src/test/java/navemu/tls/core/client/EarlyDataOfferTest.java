package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import navemu.api.session.StoredSession;
import navemu.api.tls.KeyLog;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * When a ticket's early data may be offered (RFC 8446 §4.2.10): the request's bytes are HTTP/1.1,
 * so a session that agreed on h2 gets no 0-RTT — a server accepting it would read an HTTP/1.1
 * request where HTTP/2 frames belong, and the navigation would fail where a browser's succeeds.
 */
class EarlyDataOfferTest {
    private static final byte[] GET = "GET / HTTP/1.1\r\nHost: a.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final List<String> infos = new ArrayList<>();
    private final Tls13Narration narration = new Tls13Narration(new MessageLog(new StepTrace() {
        @Override public void info(String text) { infos.add(text); }
        @Override public void sent(String message, int length, Map<String, String> fields) { }
        @Override public void received(String message, int length, Map<String, String> fields) { }
        @Override public void secret(String label, String hex) { }
        @Override public void roundTrip(String why) { }
        @Override public void detail(String key, Object value) { }
    }, KeyLog.NONE));

    private static StoredSession ticket(String alpn) {
        return new StoredSession("TLSv1.3", "ticket", "TLS_AES_128_GCM_SHA256", new byte[0], new byte[] {1},
                new byte[32], Instant.now(), Duration.ofHours(1), 0, 16384, alpn, false);
    }

    private static TlsRequest request() {
        return new TlsRequest("a.test", 443, List.of("h2", "http/1.1"), GET, Duration.ofSeconds(5));
    }

    @Test
    void anHttp11OrAlpnLessSessionTakesTheRequestAsEarlyData() {
        assertTrue(EarlyData.mayOffer(ticket("http/1.1"), request(), narration));
        assertTrue(EarlyData.mayOffer(ticket(null), request(), narration));
    }

    @Test
    void anH2SessionGetsNoEarlyDataAndTheTraceSaysWhy() {
        assertFalse(EarlyData.mayOffer(ticket("h2"), request(), narration));
        assertTrue(infos.stream().anyMatch(i -> i.contains("the session agreed on h2")), infos.toString());
    }
}
