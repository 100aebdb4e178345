package navemu.hsts.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
import navemu.hsts.core.DynamicHstsStore;
import navemu.hsts.core.HstsTable;
import navemu.store.file.StoreFileLoad;

/**
 * The {@code file} implementation's work: the RFC 6797 rules of {@link DynamicHstsStore}, with
 * the Known HSTS Hosts saved to an {@link HstsJsonFile} after every change, so that they survive a
 * restart of navemu as a browser's do.
 *
 * <p>A file that cannot be understood is never overwritten: it is renamed to
 * {@code <name>.corrupt-<UTC time>} so the user can look at it, the store starts empty, and
 * {@link #problem()} says what happened ({@link StoreFileLoad}). If even the rename fails, the
 * store keeps working in memory and saves nothing, and every note says so.
 */
public final class FileHstsStore implements HstsStore {

    private static final StoreFileLoad.Words WORDS = new StoreFileLoad.Words("HSTS file", "HSTS entries", "no entries");

    private final HstsJsonFile file;
    private final DynamicHstsStore store;
    /** Why the file was not loaded as it was, or null when it was. */
    private final String problem;
    /** Why nothing is saved, or null when saving is on. */
    private final String notSaving;

    /**
     * Loads {@code path} (a missing file is an empty store).
     *
     * @param clock the wall clock that stamps the name of a corrupt file set aside
     */
    public FileHstsStore(Path path, Clock clock) {
        this.file = new HstsJsonFile(path);
        StoreFileLoad<List<HstsPolicy>> load = StoreFileLoad.load(path, file::read, WORDS, clock);
        HstsTable table = new HstsTable();
        load.contents().ifPresent(policies -> policies.forEach(table::put));
        this.store = new DynamicHstsStore(table);
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
        return store.lookup(host, now);
    }

    @Override
    public synchronized HstsUpdate observe(HstsObservation observation, Instant now) {
        HstsUpdate update = store.observe(observation, now);
        if (!update.changed()) {
            return update;
        }
        return save(now).map(failure -> new HstsUpdate(true, update.note() + "; " + failure)).orElse(update);
    }

    @Override
    public List<HstsPolicy> list(Instant now) {
        return store.list(now);
    }

    /** @throws IllegalStateException when the entry was added but could not be saved (the message says why) */
    @Override
    public synchronized void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        store.add(host, maxAge, includeSubDomains, now);
        save(now).ifPresent(failure -> {
            throw new IllegalStateException("added " + host + " for this run only; " + failure);
        });
    }

    /** @throws IllegalStateException when the entry was removed but the file could not be saved */
    @Override
    public synchronized boolean delete(String host) {
        boolean deleted = store.delete(host);
        if (deleted) {
            save(null).ifPresent(failure -> {
                throw new IllegalStateException("deleted " + host + " for this run only; " + failure);
            });
        }
        return deleted;
    }

    /** @throws IllegalStateException when the entries were removed but the file could not be saved */
    @Override
    public synchronized void clear() {
        store.clear();
        save(null).ifPresent(failure -> {
            throw new IllegalStateException("cleared for this run only; " + failure);
        });
    }

    /**
     * Writes the table, dropping the entries that have lapsed at {@code now} (when given).
     * Returns why it did not, if it did not.
     */
    private Optional<String> save(Instant now) {
        if (notSaving != null) {
            return Optional.of(notSaving);
        }
        HstsTable table = store.table();
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
