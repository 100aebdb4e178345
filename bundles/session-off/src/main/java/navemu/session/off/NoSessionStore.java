package navemu.session.off;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.Slot;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;

/**
 * Session resumption turned off: nothing is kept, so every handshake is a full one. This is what a
 * browser's private window does on its first visit, and the baseline the other stores are compared
 * with. {@link #put} accepts and discards, so a TLS client need not care which store it was given.
 * It has no state and no settings, so it is its own OSGi component: the {@code session} slot's
 * {@code off} implementation.
 */
@Component(service = SessionStore.class, property = {Slot.PROPERTY_SLOT + "=session", Slot.PROPERTY_IMPL + "=off"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class NoSessionStore implements SessionStore {

    @Override
    public Optional<StoredSession> find(SessionKey key, Instant now) {
        return Optional.empty();
    }

    @Override
    public Optional<StoredSession> take(SessionKey key, Instant now) {
        return Optional.empty();
    }

    @Override
    public void put(SessionKey key, StoredSession session) {
        // Deliberately forgotten: this store keeps nothing.
    }

    @Override
    public void remove(SessionKey key) {
        // Nothing stored, nothing to remove.
    }

    @Override
    public void remove(SessionKey key, StoredSession session) {
        // Nothing stored, nothing to remove.
    }

    @Override
    public List<Entry> list(Instant now) {
        return List.of();
    }

    @Override
    public void clear() {
        // Always empty.
    }
}
