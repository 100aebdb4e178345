package navemu.session.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;

/**
 * Sessions to resume, in memory: the {@code session} slot's rules in one class.
 *
 * <ul>
 *   <li>Entries are filed under their {@link SessionKey} (host, port, SNI) and only ever returned
 *       for exactly that key, so a ticket for one server is never offered to another
 *       (RFC 8446 §4.6.1: a ticket is tied to the server it came from and its SNI).</li>
 *   <li>A key holds several entries, newest first: TLS 1.3 servers commonly send two or more
 *       NewSessionTicket messages so that parallel connections each have one.</li>
 *   <li>{@link #find} returns the newest unexpired entry and keeps it (TLS 1.2 session ids and
 *       RFC 5077 tickets may be offered again); {@link #take} returns it and removes it
 *       (a TLS 1.3 ticket is used once, RFC 8446 §8.1 and Appendix C.4, against correlation).</li>
 *   <li>Expired entries are never returned; lookups drop those of their key, {@link #list}
 *       drops them all.</li>
 *   <li>At most {@code capacity} entries in all. Past that the least recently used key loses its
 *       oldest entry, as a browser's bounded session cache does.</li>
 * </ul>
 *
 * <p>Thread safe: every method holds this object's lock. Byte arrays are copied in and out, so a
 * client that wipes a secret after use does not wipe the stored one.
 */
public final class LruSessionStore implements SessionStore {

    /**
     * RFC 8446 §4.6.1: clients MUST NOT cache a TLS 1.3 ticket for longer than 7 days. TLS 1.2
     * (RFC 5077's ticket_lifetime_hint, a uint32 of seconds) sets no limit, so the same one
     * applies: a server cannot make us keep a master secret for 136 years.
     */
    static final Duration MAX_LIFETIME = Duration.ofDays(7);

    private final int capacity;
    /** Access-ordered: iteration runs from the least to the most recently used key. */
    private final LinkedHashMap<SessionKey, List<StoredSession>> byKey = new LinkedHashMap<>(16, 0.75f, true);
    private int size;
    private long changes;

    /** @throws IllegalArgumentException when {@code capacity} is less than one */
    public LruSessionStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** The number of entries held, expired ones included until they are dropped. */
    public synchronized int size() {
        return size;
    }

    /**
     * A counter that moves on every change of the contents (put, take, removal, expiry, eviction),
     * so a store that persists them knows when there is something to save.
     */
    public synchronized long changes() {
        return changes;
    }

    @Override
    public synchronized Optional<StoredSession> find(SessionKey key, Instant now) {
        List<StoredSession> sessions = liveSessions(key, now);
        return sessions == null ? Optional.empty() : Optional.of(copy(sessions.get(0)));
    }

    @Override
    public synchronized Optional<StoredSession> take(SessionKey key, Instant now) {
        List<StoredSession> sessions = liveSessions(key, now);
        if (sessions == null) {
            return Optional.empty();
        }
        StoredSession newest = sessions.remove(0);
        size--;
        changes++;
        if (sessions.isEmpty()) {
            byKey.remove(key);
        }
        return Optional.of(newest);
    }

    /**
     * Files {@code session} under {@code key}, newest first by {@link StoredSession#created()}.
     * A session with no lifetime left to give is not kept: RFC 8446 §4.6.1 says a ticket_lifetime
     * of zero means the ticket must not be used. A lifetime is capped at 7 days (same §), for
     * TLS 1.2 sessions too.
     */
    @Override
    public synchronized void put(SessionKey key, StoredSession session) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(session.created(), "session.created");
        Objects.requireNonNull(session.lifetime(), "session.lifetime");
        if (session.lifetime().isZero() || session.lifetime().isNegative()) {
            return;
        }
        StoredSession kept = copy(capLifetime(session));
        List<StoredSession> sessions = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        int at = 0;
        while (at < sessions.size() && sessions.get(at).created().isAfter(kept.created())) {
            at++;
        }
        sessions.add(at, kept);
        size++;
        changes++;
        evictBeyondCapacity();
    }

    @Override
    public synchronized void remove(SessionKey key, StoredSession session) {
        List<StoredSession> sessions = byKey.get(key);
        if (sessions == null || session == null) {
            return;
        }
        int before = sessions.size();
        if (sessions.removeIf(stored -> stored.sameSessionAs(session))) {
            size -= before - sessions.size();
            changes++;
            if (sessions.isEmpty()) {
                byKey.remove(key);
            }
        }
    }

    @Override
    public synchronized void remove(SessionKey key) {
        List<StoredSession> removed = byKey.remove(key);
        if (removed != null) {
            size -= removed.size();
            changes++;
        }
    }

    /** Every unexpired entry: most recently used key first, each key's entries newest first. */
    @Override
    public synchronized List<Entry> list(Instant now) {
        dropExpired(now);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<SessionKey, List<StoredSession>> filed : byKey.entrySet()) {
            List<Entry> ofKey = new ArrayList<>();
            for (StoredSession session : filed.getValue()) {
                ofKey.add(new Entry(filed.getKey(), copy(session)));
            }
            entries.addAll(0, ofKey);
        }
        return entries;
    }

    /**
     * Every entry as held, expired ones included, least recently used key first: putting them
     * back in this order into an empty store rebuilds the same store (used to persist it).
     */
    public synchronized List<Entry> snapshot() {
        List<Entry> entries = new ArrayList<>(size);
        byKey.forEach((key, sessions) -> {
            for (StoredSession session : sessions) {
                entries.add(new Entry(key, copy(session)));
            }
        });
        return entries;
    }

    @Override
    public synchronized void clear() {
        if (size > 0 || !byKey.isEmpty()) {
            changes++;
        }
        byKey.clear();
        size = 0;
    }

    /** Drops every entry expired at {@code now}; returns how many went. */
    public synchronized int dropExpired(Instant now) {
        int dropped = 0;
        Iterator<List<StoredSession>> keys = byKey.values().iterator();
        while (keys.hasNext()) {
            List<StoredSession> sessions = keys.next();
            int before = sessions.size();
            sessions.removeIf(session -> session.expiredAt(now));
            dropped += before - sessions.size();
            if (sessions.isEmpty()) {
                keys.remove();
            }
        }
        if (dropped > 0) {
            size -= dropped;
            changes++;
        }
        return dropped;
    }

    /** The unexpired sessions of {@code key}, newest first, marking the key used; null if none. */
    private List<StoredSession> liveSessions(SessionKey key, Instant now) {
        List<StoredSession> sessions = byKey.get(key);
        if (sessions == null) {
            return null;
        }
        int before = sessions.size();
        sessions.removeIf(session -> session.expiredAt(now));
        if (sessions.size() != before) {
            size -= before - sessions.size();
            changes++;
        }
        if (sessions.isEmpty()) {
            byKey.remove(key);
            return null;
        }
        return sessions;
    }

    private void evictBeyondCapacity() {
        while (size > capacity) {
            Map.Entry<SessionKey, List<StoredSession>> eldest = byKey.entrySet().iterator().next();
            List<StoredSession> sessions = eldest.getValue();
            sessions.remove(sessions.size() - 1);
            size--;
            if (sessions.isEmpty()) {
                byKey.remove(eldest.getKey());
            }
        }
    }

    private static StoredSession capLifetime(StoredSession session) {
        return session.lifetime().compareTo(MAX_LIFETIME) <= 0 ? session : session.withLifetime(MAX_LIFETIME);
    }

    private static StoredSession copy(StoredSession session) {
        return new StoredSession(session.version(), session.kind(), session.cipherSuite(), clone(session.sessionId()),
                clone(session.ticket()), clone(session.secret()), session.created(), session.lifetime(),
                session.ticketAgeAdd(), session.maxEarlyData(), session.alpn(), session.extendedMasterSecret(),
                session.certificate());
    }

    private static byte[] clone(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }
}
