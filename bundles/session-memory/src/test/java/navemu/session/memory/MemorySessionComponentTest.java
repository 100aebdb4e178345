package navemu.session.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;

/** The component as ConfigAdmin configures it: capacity from its pid, a bad value falls back. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class MemorySessionComponentTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");

    private static StoredSession session(int i) {
        return new StoredSession("TLSv1.2", "session-id", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                new byte[] {(byte) i}, null, "master".getBytes(StandardCharsets.US_ASCII), T0.plusSeconds(i),
                Duration.ofHours(1), 0, 0, null, true);
    }

    @Test
    void theConfiguredCapacityBoundsTheStore() {
        MemorySessionComponent component = new MemorySessionComponent(Map.of("capacity", "2"));
        for (int i = 0; i < 5; i++) {
            component.put(new SessionKey("h" + i + ".lab.test", 443, "h" + i + ".lab.test"), session(i));
        }
        assertEquals(2, component.list(T0).size());
    }

    @Test
    void aBadCapacityFallsBackToTheDefault() {
        MemorySessionComponent component = new MemorySessionComponent(Map.of("capacity", "many"));
        SessionKey key = new SessionKey("www.lab.test", 443, "www.lab.test");
        component.put(key, session(1));
        assertTrue(component.find(key, T0).isPresent());
        component.clear();
        assertTrue(component.list(T0).isEmpty());
    }
}
