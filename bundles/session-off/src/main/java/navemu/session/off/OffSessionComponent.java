package navemu.session.off;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import navemu.api.Slot;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;

/** Registers {@link NoSessionStore} as the {@code session} slot's {@code off} implementation. */
@Component(service = SessionStore.class, property = {Slot.PROPERTY_SLOT + "=session", Slot.PROPERTY_IMPL + "=off"})
public class OffSessionComponent implements SessionStore {

    private final NoSessionStore store = new NoSessionStore();

    @Override
    public Optional<StoredSession> find(SessionKey key, Instant now) {
        return store.find(key, now);
    }

    @Override
    public Optional<StoredSession> take(SessionKey key, Instant now) {
        return store.take(key, now);
    }

    @Override
    public void put(SessionKey key, StoredSession session) {
        store.put(key, session);
    }

    @Override
    public void remove(SessionKey key) {
        store.remove(key);
    }

    @Override
    public List<Entry> list(Instant now) {
        return store.list(now);
    }

    @Override
    public void clear() {
        store.clear();
    }
}
