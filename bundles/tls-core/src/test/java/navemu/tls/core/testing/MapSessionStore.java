package navemu.tls.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;

/** The smallest honest session slot for tests: one entry per key; {@link #off()} keeps nothing. */
public final class MapSessionStore implements SessionStore {
    public final Map<SessionKey, StoredSession> entries = new LinkedHashMap<>();
    public final List<SessionKey> asked = new ArrayList<>();
    private final boolean keep;

    private MapSessionStore(boolean keep) {
        this.keep = keep;
    }

    public static MapSessionStore memory() {
        return new MapSessionStore(true);
    }

    public static MapSessionStore off() {
        return new MapSessionStore(false);
    }

    @Override
    public synchronized Optional<StoredSession> find(SessionKey key, Instant now) {
        asked.add(key);
        return Optional.ofNullable(entries.get(key)).filter(s -> !s.expiredAt(now));
    }

    @Override
    public synchronized Optional<StoredSession> take(SessionKey key, Instant now) {
        Optional<StoredSession> found = find(key, now);
        entries.remove(key);
        return found;
    }

    @Override
    public synchronized void put(SessionKey key, StoredSession session) {
        if (keep) {
            entries.put(key, session);
        }
    }

    @Override
    public synchronized void remove(SessionKey key) {
        entries.remove(key);
    }

    @Override
    public synchronized void remove(SessionKey key, StoredSession session) {
        entries.computeIfPresent(key, (k, stored) -> stored.sameSessionAs(session) ? null : stored);
    }

    @Override
    public synchronized List<Entry> list(Instant now) {
        return entries.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }
}
