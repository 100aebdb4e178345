package navemu.session.off;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;

class NoSessionStoreTest {

    private final NoSessionStore store = new NoSessionStore();
    private final SessionKey key = new SessionKey("www.lab.test", 443, "www.lab.test");
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aSessionPutIsNeverOfferedBack() {
        store.put(key, new StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null, new byte[] {1},
                new byte[] {2}, now, Duration.ofHours(1), 7, 0, "http/1.1", false));
        assertTrue(store.find(key, now).isEmpty());
        assertTrue(store.take(key, now).isEmpty());
        assertTrue(store.list(now).isEmpty());
    }

    @Test
    void removeAndClearOnAnEmptyStoreAreHarmless() {
        store.remove(key);
        store.clear();
        assertTrue(store.list(now).isEmpty());
    }
}
