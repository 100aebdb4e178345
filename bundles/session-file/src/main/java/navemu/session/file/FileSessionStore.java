package navemu.session.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.session.store.LruSessionStore;
import navemu.store.file.AtomicFile;
import navemu.store.file.StoreFileLoad;
import navemu.store.file.StoreFileLock;

/**
 * The {@code file} implementation's work: the rules of {@link LruSessionStore}, with the contents
 * saved to a {@link SessionJsonFile} after every change, so that a second navemu run resumes the
 * sessions of the first, as a browser does after a restart.
 *
 * <p><b>Secrets on disk.</b> The file holds master secrets and resumption PSKs. It is written with
 * owner-only permissions ({@code rw-------}) and an existing file open to others is tightened when
 * loaded; see {@link SessionJsonFile}. Temporary files that a crashed write left are removed at start.
 *
 * <p><b>Several processes.</b> Two navemu processes may share one home. Every call therefore works
 * under the file's {@link StoreFileLock} on the file's latest contents: read it, do the one thing
 * asked, write it back if that changed anything. So neither process loses the other's sessions, and
 * a TLS 1.3 ticket that one {@linkplain #take takes} is out of the file before the lock is released,
 * where the other cannot take it again (single use, RFC 8446 §8.1). When the lock cannot be had in
 * time, {@link #take} gives nothing (a full handshake is always safe; a ticket used twice is not).
 *
 * <p>A file that cannot be understood is never overwritten nor silently emptied: it is renamed to
 * {@code <name>.corrupt-<UTC time>} so the user can look at it, the store starts empty, and
 * {@link #problem()} says what happened ({@link StoreFileLoad}). If even the rename fails, or the
 * file cannot be read, the store keeps working in memory, saves nothing, and says so. A bad entry
 * among good ones is skipped with a message. A save that fails leaves the entries in memory and is
 * reported by {@link #problem()}; only {@link #clear()} (a user's command) throws.
 *
 * <p>Thread safe: every method holds this object's lock, so saves happen in the order of changes.
 */
public final class FileSessionStore implements SessionStore {

    private static final StoreFileLoad.Words WORDS = new StoreFileLoad.Words("session file", "sessions", "no sessions");

    private final SessionJsonFile file;
    private final int capacity;
    private final Clock clock;
    private final Duration lockTimeout;
    /** The sessions as of the last call; replaced by the file's latest contents at each call. */
    private LruSessionStore store;
    /** Why nothing is saved, or null when saving is on. */
    private String notSaving;
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
        this(path, capacity, clock, StoreFileLock.DEFAULT_TIMEOUT);
    }

    /** As {@link #FileSessionStore(Path, int, Clock)}, waiting at most {@code lockTimeout} for another process. */
    public FileSessionStore(Path path, int capacity, Clock clock, Duration lockTimeout) {
        this.file = new SessionJsonFile(path);
        this.capacity = capacity;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        StoreFileLoad<List<Entry>> load = StoreFileLoad.atStart(AtomicFile.ownerOnly(path), file::read, WORDS, clock);
        this.store = loaded(load.contents().orElse(List.of()));
        this.problem = load.problem().orElse(null);
        this.notSaving = load.notSaving().orElse(null);
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
        return onLatest(latest -> latest.find(key, now), null);
    }

    @Override
    public synchronized Optional<StoredSession> take(SessionKey key, Instant now) {
        // Without the lock, no ticket: another process may be using the one this store still holds.
        return onLatest(latest -> latest.take(key, now), Optional.empty());
    }

    @Override
    public synchronized void put(SessionKey key, StoredSession session) {
        onLatest(latest -> {
            latest.put(key, session);
            return true;
        }, null);
    }

    @Override
    public synchronized void remove(SessionKey key) {
        onLatest(latest -> {
            latest.remove(key);
            return true;
        }, null);
    }

    @Override
    public synchronized void remove(SessionKey key, StoredSession session) {
        onLatest(latest -> {
            latest.remove(key, session);
            return true;
        }, null);
    }

    @Override
    public synchronized List<Entry> list(Instant now) {
        return onLatest(latest -> latest.list(now), null);
    }

    /** @throws IllegalStateException when the sessions were forgotten but the file could not be saved (the message says why) */
    @Override
    public synchronized void clear() {
        onLatest(latest -> {
            latest.clear();
            return true;
        }, null);
        if (savedChanges != store.changes()) {
            throw new IllegalStateException("sessions cleared for this run only; "
                    + (notSaving != null ? notSaving : problem));
        }
    }

    /**
     * Does {@code call} on the file's latest sessions under the file's lock and saves them if it
     * changed them; they become this store's sessions. Without the lock, {@code withoutLock} is the
     * answer and nothing is done, or, when it is null, {@code call} is done on this store's sessions
     * in memory only.
     */
    private <T> T onLatest(Function<LruSessionStore, T> call, T withoutLock) {
        if (notSaving != null) {
            T value = call.apply(store);
            saveIfChanged();
            return value;
        }
        try (StoreFileLock lock = StoreFileLock.acquire(file.path(), lockTimeout)) {
            store = latest();
            T value = call.apply(store);
            saveIfChanged();
            return value;
        } catch (IOException notLocked) {
            problem = "not saved: " + notLocked.getMessage() + "; sessions are kept in memory";
            return withoutLock != null ? withoutLock : call.apply(store);
        }
    }

    /**
     * The file's sessions as they are now (another process may have changed them), read under the
     * lock. When the file cannot be used any more, this store's own sessions stand in for it and
     * {@link #problem()} says what happened.
     */
    private LruSessionStore latest() {
        StoreFileLoad<List<Entry>> load = StoreFileLoad.load(file.path(), file::read, WORDS, clock);
        load.problem().ifPresent(message -> problem = message);
        if (load.notSaving().isPresent()) {
            notSaving = load.notSaving().get();
        }
        if (load.contents().isEmpty() || (load.problem().isPresent() && load.contents().get().isEmpty())) {
            LruSessionStore kept = loaded(store.snapshot());
            savedChanges = -1; // the file was set aside: write these sessions back even if this call changes nothing
            return kept;
        }
        return loaded(load.contents().get());
    }

    /** A store of {@code entries} (least recently used first) less those expired by now; loading is not a change to save. */
    private LruSessionStore loaded(List<Entry> entries) {
        LruSessionStore loaded = new LruSessionStore(capacity);
        // An entry without its certificate chain (written before sessions kept it) could only be
        // resumed unchecked, so it is not loaded; the next save leaves it out of the file.
        entries.stream().filter(entry -> entry.session().resumable())
                .forEach(entry -> loaded.put(entry.key(), entry.session()));
        loaded.dropExpired(clock.instant());
        // Expiries found at load are saved with the next change.
        savedChanges = loaded.changes();
        return loaded;
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
