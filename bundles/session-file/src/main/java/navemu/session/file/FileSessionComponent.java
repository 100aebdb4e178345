package navemu.session.file;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import navemu.api.Environment;
import navemu.api.Slot;
import navemu.api.session.PrivateSessionStores;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.session.store.LruSessionStore;
import navemu.session.store.StoreCapacity;

/**
 * The {@code session} slot's {@code file} implementation: sessions to resume, kept across restarts
 * in a JSON file (see {@link FileSessionStore}). <b>The file holds TLS secrets</b> and is written
 * owner-only ({@code rw-------}).
 *
 * <p>Configuration (pid {@value #PID}, optional): {@code path}, the file (may start with
 * {@code ${navemu.home}} or {@code ~}; relative to the navemu home; default
 * {@code <navemu.home>/sessions.json}); {@code capacity}, the most entries kept (default
 * {@value StoreCapacity#DEFAULT}).
 */
@Component(service = {SessionStore.class, PrivateSessionStores.class}, configurationPid = FileSessionComponent.PID,
        property = {Slot.PROPERTY_SLOT + "=session", Slot.PROPERTY_IMPL + "=file"})
public class FileSessionComponent implements SessionStore, PrivateSessionStores {

    static final String PID = "navemu.session.file";

    private final FileSessionStore store;
    private final int capacity;
    private String reported;

    @Activate
    public FileSessionComponent(BundleContext context, Map<String, Object> configuration) {
        Path home = SessionFilePath.home(context.getProperty(Environment.HOME));
        Path file = SessionFilePath.resolve(configuration.get("path"), home);
        this.capacity = capacity(configuration.get("capacity"));
        this.store = new FileSessionStore(file, capacity, Clock.systemUTC());
        report();
    }

    private static int capacity(Object configured) {
        try {
            return StoreCapacity.from(configured);
        } catch (IllegalArgumentException e) {
            System.err.println("navemu session-file: " + e.getMessage() + " in " + PID + "; using "
                    + StoreCapacity.DEFAULT);
            return StoreCapacity.DEFAULT;
        }
    }

    /** There is no log service at run time; the shell's console is where the user looks. Each problem once. */
    private synchronized void report() {
        Optional<String> problem = store.problem();
        if (problem.isPresent() && !problem.get().equals(reported)) {
            System.err.println("navemu session-file: " + problem.get());
        }
        reported = problem.orElse(null);
    }

    @Override
    public Optional<StoredSession> find(SessionKey key, Instant now) {
        Optional<StoredSession> found = store.find(key, now);
        report();
        return found;
    }

    @Override
    public Optional<StoredSession> take(SessionKey key, Instant now) {
        Optional<StoredSession> taken = store.take(key, now);
        report();
        return taken;
    }

    @Override
    public void put(SessionKey key, StoredSession session) {
        store.put(key, session);
        report();
    }

    @Override
    public void remove(SessionKey key) {
        store.remove(key);
        report();
    }

    @Override
    public void remove(SessionKey key, StoredSession session) {
        store.remove(key, session);
        report();
    }

    @Override
    public List<Entry> list(Instant now) {
        List<Entry> entries = store.list(now);
        report();
        return entries;
    }

    @Override
    public void clear() {
        store.clear();
        report();
    }

    /**
     * A navigation scope's own store: the same rules and capacity, in memory only. It neither
     * reads nor writes the shared file, so a scope never resumes with, or takes, another
     * process's or the shell's tickets.
     */
    @Override
    public SessionStore newPrivateStore() {
        return new LruSessionStore(capacity);
    }
}
