package navemu.hsts.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
import navemu.hsts.core.DynamicHstsStore;
import navemu.hsts.core.HstsTable;
import navemu.store.file.CorruptFileException;
import navemu.store.file.FileVersion;
import navemu.store.file.ReadEntries;
import navemu.store.file.StoreFileLoad;
import navemu.store.file.StoreFileLock;

/**
 * The {@code file} implementation's work: the RFC 6797 rules of {@link DynamicHstsStore}, with
 * the Known HSTS Hosts saved to an {@link HstsJsonFile} after every change, so that they survive a
 * restart of navemu as a browser's do.
 *
 * <p><b>Several processes.</b> Two navemu processes may share one home. Every change is therefore
 * made under the file's {@link StoreFileLock} on the file's latest contents: read the file, apply
 * the one change (a header observed, an entry added or deleted, the table cleared), write it back.
 * So each process's acknowledged entries survive the other's writes, and a delete or clear removes
 * what is in the file, not only what this process had seen. A lookup re-reads the file when it
 * has been replaced since this store last read or wrote it ({@link FileVersion}), so an entry
 * another process learnt applies here too.
 *
 * <p>A file that cannot be understood is never overwritten: it is renamed to
 * {@code <name>.corrupt-<UTC time>} so the user can look at it, the store starts empty, and
 * {@link #problem()} says what happened ({@link StoreFileLoad}). If even the rename fails, the
 * store keeps working in memory and saves nothing, and every note says so. A bad entry among good
 * ones is skipped with a message; the rest load.
 */
public final class FileHstsStore implements HstsStore {

    private static final StoreFileLoad.Words WORDS = new StoreFileLoad.Words("HSTS file", "HSTS entries", "no entries");

    private final HstsJsonFile file;
    private final Clock clock;
    private final Duration lockTimeout;
    /** The entries as of the last load or change; replaced whole, so lookups need no lock. */
    private volatile DynamicHstsStore store;
    /** Why the file was not loaded as it was, or null when it was. */
    private volatile String problem;
    /** Why nothing is saved, or null when saving is on. */
    private volatile String notSaving;
    /** True when the file was set aside during a change and this store's entries must be written back. */
    private boolean rewrite;
    /** The version of the file that {@link #store} reflects. */
    private volatile FileVersion seen;

    /**
     * Loads {@code path} (a missing file is an empty store).
     *
     * @param clock the wall clock that stamps the name of a corrupt file set aside
     */
    public FileHstsStore(Path path, Clock clock) {
        this(path, clock, StoreFileLock.DEFAULT_TIMEOUT);
    }

    /** As {@link #FileHstsStore(Path, Clock)}, waiting at most {@code lockTimeout} for another process's change. */
    public FileHstsStore(Path path, Clock clock, Duration lockTimeout) {
        this.file = new HstsJsonFile(path);
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.seen = FileVersion.of(path);
        StoreFileLoad<List<HstsPolicy>> load = StoreFileLoad.atStart(file.atomicFile(), file::read, WORDS, clock);
        this.store = new DynamicHstsStore(table(load.contents().orElse(List.of())));
        this.problem = load.problem().orElse(null);
        this.notSaving = load.notSaving().orElse(null);
    }

    /** The file this store saves to. */
    public Path path() {
        return file.path();
    }

    /** Empty when the file loaded cleanly (or did not exist); else what went wrong and what was done. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public Optional<HstsPolicy> lookup(String host, Instant now) {
        return current().lookup(host, now);
    }

    @Override
    public synchronized HstsUpdate observe(HstsObservation observation, Instant now) {
        Changed<HstsUpdate> result = change(now, latest -> latest.observe(observation, now),
                HstsUpdate::changed);
        HstsUpdate update = result.value();
        return result.failure().map(failure -> new HstsUpdate(update.changed(), update.note() + "; " + failure))
                .orElse(update);
    }

    @Override
    public List<HstsPolicy> list(Instant now) {
        return current().list(now);
    }

    /**
     * The entries, re-read first when another process has replaced the file since this store last
     * read or wrote it. Reading needs no lock (the file is only ever replaced whole); a file that
     * cannot be read cleanly now is left for the next change to deal with, and the entries stay.
     */
    private DynamicHstsStore current() {
        if (notSaving != null) {
            return store;
        }
        FileVersion now = FileVersion.of(file.path());
        if (now.equals(seen)) {
            return store;
        }
        synchronized (this) {
            if (!now.equals(seen)) {
                try {
                    List<HstsPolicy> latest = file.read();
                    if (latest instanceof ReadEntries<?> read && read.skipped().isEmpty()) {
                        store = new DynamicHstsStore(table(latest));
                    }
                } catch (IOException | CorruptFileException notNow) {
                    // keep the entries this store has; the next change reads the file under the lock
                }
                seen = now;
            }
            return store;
        }
    }

    /** @throws IllegalStateException when the entry was added but could not be saved (the message says why) */
    @Override
    public synchronized void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        change(now, latest -> {
            latest.add(host, maxAge, includeSubDomains, now);
            return Boolean.TRUE;
        }, added -> true).failure().ifPresent(failure -> {
            throw new IllegalStateException("added " + host + " for this run only; " + failure);
        });
    }

    /** @throws IllegalStateException when the entry was removed but the file could not be saved */
    @Override
    public synchronized boolean delete(String host) {
        Changed<Boolean> deleted = change(null, latest -> latest.delete(host), Boolean::booleanValue);
        deleted.failure().ifPresent(failure -> {
            throw new IllegalStateException("deleted " + host + " for this run only; " + failure);
        });
        return deleted.value();
    }

    /** @throws IllegalStateException when the entries were removed but the file could not be saved */
    @Override
    public synchronized void clear() {
        change(null, latest -> {
            latest.clear();
            return Boolean.TRUE;
        }, cleared -> true).failure().ifPresent(failure -> {
            throw new IllegalStateException("cleared for this run only; " + failure);
        });
    }

    /** What a change returned, and why it was not saved, if it was not. */
    private record Changed<T>(T value, Optional<String> failure) {
    }

    /**
     * Applies {@code change} to the file's latest entries and saves them when {@code saves} says
     * the change changed something, all under the file's lock; the result becomes this store's
     * entries. Without the lock, or when saving is off, the change is made to this store's entries
     * in memory only, and the failure says why.
     *
     * @param now when given, entries that have lapsed by then are left out of the file
     */
    private <T> Changed<T> change(Instant now, Function<DynamicHstsStore, T> change, Function<T, Boolean> saves) {
        if (notSaving != null) {
            T value = change.apply(store);
            return new Changed<>(value, saves.apply(value) ? Optional.of(notSaving) : Optional.empty());
        }
        try (StoreFileLock lock = StoreFileLock.acquire(file.path(), lockTimeout)) {
            DynamicHstsStore latest = latest();
            T value = change.apply(latest);
            Optional<String> failure = Optional.empty();
            if (saves.apply(value) || rewrite) {
                failure = save(latest.table(), now);
                rewrite = false;
            }
            store = latest;
            seen = FileVersion.of(file.path());
            return new Changed<>(value, failure);
        } catch (IOException notLocked) {
            T value = change.apply(store);
            return new Changed<>(value, Optional.of("not saved: " + notLocked.getMessage()));
        }
    }

    /**
     * The file's entries as they are now (other processes may have changed them), read under the
     * lock. When the file cannot be used any more (corrupt, unreadable), this store's own entries
     * stand in for it, and {@link #problem()} says what happened.
     */
    private DynamicHstsStore latest() {
        StoreFileLoad<List<HstsPolicy>> load = StoreFileLoad.load(file.path(), file::read, WORDS, clock);
        load.problem().ifPresent(message -> problem = message);
        if (load.notSaving().isPresent()) {
            notSaving = load.notSaving().get();
        }
        Optional<List<HstsPolicy>> usable = load.contents()
                .filter(contents -> load.problem().isEmpty() || !contents.isEmpty());
        if (usable.isPresent()) {
            return new DynamicHstsStore(table(usable.get()));
        }
        rewrite = true; // the file was set aside (or cannot be read): this store's entries are the truth now
        return new DynamicHstsStore(table(store.table().all()));
    }

    private static HstsTable table(List<HstsPolicy> policies) {
        HstsTable table = new HstsTable();
        policies.forEach(table::put);
        return table;
    }

    /**
     * Writes {@code table}, dropping the entries that have lapsed at {@code now} (when given).
     * Returns why it did not, if it did not.
     */
    private Optional<String> save(HstsTable table, Instant now) {
        if (notSaving != null) {
            return Optional.of(notSaving);
        }
        if (now != null) {
            table.removeExpired(now);
        }
        try {
            file.write(table.all());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("not saved: could not write " + file.path() + " (" + e + ")");
        }
    }
}
