package navemu.lab.origin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.tls.TlsSession;

/**
 * One site's TLS 1.2 session cache, keyed by session ID (RFC 5246 §7.4.1.2), so that a client
 * offering a known ID gets an abbreviated handshake. Bounded (least recently used entries go)
 * and entries expire; shared by the site's connections.
 */
final class SessionCache {

    static final int CAPACITY = 256;
    /** RFC 5246 §F.1.4 suggests an upper limit of 24 hours; an hour is plenty for the lab. */
    static final Duration LIFETIME = Duration.ofHours(1);

    private record Entry(TlsSession session, Instant stored) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    SessionCache(Clock clock) {
        this.clock = clock;
    }

    synchronized TlsSession find(byte[] sessionId) {
        if (sessionId == null || sessionId.length == 0) {
            return null;
        }
        String key = HexFormat.of().formatHex(sessionId);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.session().isResumable() || clock.instant().isAfter(entry.stored().plus(LIFETIME))) {
            entries.remove(key);
            return null;
        }
        return entry.session();
    }

    synchronized void store(TlsSession session) {
        byte[] id = session.getSessionID();
        if (session.isResumable() && id != null && id.length > 0) {
            entries.put(HexFormat.of().formatHex(id), new Entry(session, clock.instant()));
        }
    }
}
