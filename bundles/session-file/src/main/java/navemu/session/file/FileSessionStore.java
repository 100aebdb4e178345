package navemu.session.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.session.store.LruSessionStore;
import navemu.store.file.StoreFileLoad;

/**
 * The {@code file} implementation's work: the rules of {@link LruSessionStore}, with the contents
 * saved to a {@link SessionJsonFile} after every change, so that a second navemu run resumes the
 * sessions of the first, as a browser does after a restart.
 *
 * <p><b>Secrets on disk.</b> The file holds master secrets and resumption PSKs. It is written with
 * owner-only permissions ({@code rw-------}) and an existing file open to others is tightened when
 * loaded; see {@link SessionJsonFile}.
 *
 * <p>A file that cannot be understood is never overwritten nor silently emptied: it is renamed to
 * {@code <name>.corrupt-<UTC time>} so the user can look at it, the store starts empty, and
 * {@link #problem()} says what happened ({@link StoreFileLoad}). If even the rename fails, or the
 * file cannot be read, the store keeps working in memory, saves nothing, and says so. A save that fails leaves the entries
 * in memory and is reported by {@link #problem()}; only {@link #clear()} (a user's command) throws.
 *
 * <p>Thread safe: every method holds this object's lock, so saves happen in the order of changes.
 */
public final class FileSessionStore implements SessionStore {

    private static final StoreFileLoad.Words WORDS = new StoreFileLoad.Words("session file", "sessions", "no sessions");

    private final SessionJsonFile file;
    private final LruSessionStore store;
    /** Why nothing is saved, or null when saving is on. */
    private final String notSaving;
    /** What went wrong most recently (loading or saving), or null. */
    private String problem;
    private long savedChanges;

    /**
     * Loads {@code path} (a missing file is an empty store), dropping the entries expired by now.
     *
     * @param capacity the most entries kept, as {@link LruSessionStore}
     * @param clock    the wall clock: what has expired at load, and the stamp of a corrupt file set aside
     */
    public FileSessionStore(Path path, int capacity, Clock clock) {
        this.file = new SessionJsonFile(path);
        this.store = new LruSessionStore(capacity);
        StoreFileLoad<List<Entry>> load = StoreFileLoad.load(path, file::read, WORDS, clock);
        // An entry without its certificate chain (written before sessions kept it) could only be
        // resumed unchecked, so it is not loaded; the next save leaves it out of the file.
        load.contents().ifPresent(entries -> entries.stream().filter(entry -> entry.session().resumable())
                .forEach(entry -> store.put(entry.key(), entry.session())));
        this.problem = load.problem().orElse(null);
        this.notSaving = load.notSaving().orElse(null);
        store.dropExpired(clock.instant());
        // Loading is not a change worth a write; expiries found at load are saved with the next change.
        this.savedChanges = store.changes();
    }

    /** The file this store saves to. */
    public Path path() {
        return file.path();
    }

    /** Empty while all is well; else what went wrong most recently (at load, or the last save) and what was done. */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public synchronized Optional<StoredSession> find(SessionKey key, Instant now) {
        Optional<StoredSession> found = store.find(key, now);
        saveIfChanged();
        return found;
    }

    @Override
    public synchronized Optional<StoredSession> take(SessionKey key, Instant now) {
        Optional<StoredSession> taken = store.take(key, now);
        saveIfChanged();
        return taken;
    }

    @Override
    public synchronized void put(SessionKey key, StoredSession session) {
        store.put(key, session);
        saveIfChanged();
    }

    @Override
    public synchronized void remove(SessionKey key) {
        store.remove(key);
        saveIfChanged();
    }

    @Override
    public synchronized void remove(SessionKey key, StoredSession session) {
        store.remove(key, session);
        saveIfChanged();
    }

    @Override
    public synchronized List<Entry> list(Instant now) {
        List<Entry> entries = store.list(now);
        saveIfChanged();
        return entries;
    }

    /** @throws IllegalStateException when the sessions were forgotten but the file could not be saved (the message says why) */
    @Override
    public synchronized void clear() {
        store.clear();
        saveIfChanged().ifPresent(failure -> {
            throw new IllegalStateException("sessions cleared for this run only; " + failure);
        });
    }

    /** Writes the store when it changed since the last save; returns why it did not, if it did not. */
    private Optional<String> saveIfChanged() {
        long changes = store.changes();
        if (changes == savedChanges) {
            return Optional.empty();
        }
        if (notSaving != null) {
            return Optional.of(notSaving);
        }
        try {
            file.write(store.snapshot());
            savedChanges = changes;
            if (problem != null && problem.startsWith("not saved")) {
                problem = null;
            }
            return Optional.empty();
        } catch (IOException e) {
            problem = "not saved: could not write " + file.path() + " (" + e + "); sessions are kept in memory";
            return Optional.of(problem);
        }
    }
}
