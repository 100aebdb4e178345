package navemu.api.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The {@code session} slot: what a later connection to the same server may resume with.
 *
 * <p>Contract: entries are keyed by {@link SessionKey} (host, port, SNI) and never offered under
 * another key; expired entries are never returned. TLS 1.3 tickets are single use, so a client
 * {@link #take}s them; TLS 1.2 sessions may be {@link #find}-ed repeatedly.
 */
@ConsumerType
public interface SessionStore {

    /** The newest unexpired entry for {@code key}, left in the store. */
    Optional<StoredSession> find(SessionKey key, Instant now);

    /** The newest unexpired entry for {@code key}, removed from the store (single-use tickets). */
    Optional<StoredSession> take(SessionKey key, Instant now);

    void put(SessionKey key, StoredSession session);

    /** Forgets every entry for {@code key}. */
    void remove(SessionKey key);

    /**
     * Forgets the one entry of {@code key} that is {@link StoredSession#sameSessionAs} {@code session}
     * (a resumption that failed or that the server refused), leaving the key's other entries,
     * e.g. its TLS 1.3 tickets when a TLS 1.2 session goes. Every navemu store overrides this;
     * the default, for a store that cannot tell its entries apart, forgets them all (forgetting
     * more is safe, resuming with a session that failed is not).
     */
    default void remove(SessionKey key, StoredSession session) {
        remove(key);
    }

    List<Entry> list(Instant now);

    void clear();

    /** One stored session with its key, for listing. */
    record Entry(SessionKey key, StoredSession session) {
    }
}
