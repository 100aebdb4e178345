package navemu.session.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import navemu.api.Slot;
import navemu.api.session.PrivateSessionStores;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.session.store.LruSessionStore;
import navemu.session.store.StoreCapacity;

/**
 * The {@code session} slot's {@code memory} implementation: an {@link LruSessionStore}, lost when
 * navemu stops.
 *
 * <p>Configuration (pid {@value #PID}, optional): {@code capacity}, the most entries kept
 * (default {@value StoreCapacity#DEFAULT}). A bad value falls back to the default and says so.
 */
@Component(service = {SessionStore.class, PrivateSessionStores.class}, configurationPid = MemorySessionComponent.PID,
        property = {Slot.PROPERTY_SLOT + "=session", Slot.PROPERTY_IMPL + "=memory"})
public class MemorySessionComponent implements SessionStore, PrivateSessionStores {

    static final String PID = "navemu.session.memory";

    private final LruSessionStore store;
    private final int capacity;

    @Activate
    public MemorySessionComponent(Map<String, Object> configuration) {
        this.capacity = capacity(configuration.get("capacity"));
        this.store = new LruSessionStore(capacity);
    }

    private static int capacity(Object configured) {
        try {
            return StoreCapacity.from(configured);
        } catch (IllegalArgumentException e) {
            // There is no log service at run time; the shell's console is where the user looks.
            System.err.println("navemu session-memory: " + e.getMessage() + " in " + PID + "; using "
                    + StoreCapacity.DEFAULT);
            return StoreCapacity.DEFAULT;
        }
    }

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
    public void remove(SessionKey key, StoredSession session) {
        store.remove(key, session);
    }

    @Override
    public List<Entry> list(Instant now) {
        return store.list(now);
    }

    @Override
    public void clear() {
        store.clear();
    }

    /** A navigation scope's own store: the same rules and capacity, none of this store's entries. */
    @Override
    public SessionStore newPrivateStore() {
        return new LruSessionStore(capacity);
    }
}
