package navemu.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a store's file when the store starts: what was in it, or, when it could
 * not be used, what was done about it in words for the user, and whether the store may still save.
 *
 * <ul>
 * <li>A <b>corrupt</b> file is {@linkplain CorruptFileQuarantine moved aside} and the store starts
 * empty, saving as usual to a new file. If even the move fails, the store works in memory only and
 * saves nothing: a write would destroy the file the user may want back.</li>
 * <li>A file that <b>cannot be read</b> (permissions, a directory in its place) is left as it is;
 * the store works in memory only and saves nothing, for the same reason.</li>
 * <li>A file with <b>bad entries</b> among good ones ({@link ReadEntries#skipped()}) loads the good
 * ones; the message names each bad one (the first few), and the next save leaves them out.</li>
 * </ul>
 *
 * <p>{@link #atStart} is how a store loads when it starts: under the file's {@link StoreFileLock},
 * after removing the temporary files a crashed write left behind.
 *
 * @param <T> what the store reads from its file
 */
public final class StoreFileLoad<T> {

    /** Reads the store's document: what {@link AtomicFile#readText()} and {@link StrictJson} throw, it throws. */
    @FunctionalInterface
    public interface Reader<T> {
        T read() throws IOException, CorruptFileException;
    }

    /**
     * How the messages name things, e.g. {@code ("HSTS file", "HSTS entries", "no entries")}.
     *
     * @param file     the file, as the first words of a sentence
     * @param contents what the store holds, plural
     * @param nothing  what an empty store holds, after "started with"
     */
    public record Words(String file, String contents, String nothing) {
    }

    /** How many skipped entries a message names; the rest are counted. */
    private static final int SKIPPED_NAMED = 3;

    private final T contents;
    private final String problem;
    private final String notSaving;

    private StoreFileLoad(T contents, String problem, String notSaving) {
        this.contents = contents;
        this.problem = problem;
        this.notSaving = notSaving;
    }

    /**
     * Reads {@code path} with {@code reader}; a corrupt file is moved aside, stamped with the time of {@code clock}.
     */
    public static <T> StoreFileLoad<T> load(Path path, Reader<T> reader, Words words, Clock clock) {
        try {
            T contents = reader.read();
            return new StoreFileLoad<>(contents, skippedEntries(path, contents, words), null);
        } catch (CorruptFileException corrupt) {
            try {
                Path aside = CorruptFileQuarantine.moveAside(path, clock.instant());
                return new StoreFileLoad<>(null, words.file() + " " + path + " is corrupt (" + corrupt.getMessage()
                        + "): moved it to " + aside + " and started with " + words.nothing(), null);
            } catch (IOException e) {
                return new StoreFileLoad<>(null, words.file() + " " + path + " is corrupt (" + corrupt.getMessage()
                        + ") and could not be moved aside (" + e + "): " + words.contents() + " are kept in memory only",
                        "not saved: " + path + " is corrupt and was left as it is");
            }
        } catch (IOException unreadable) {
            return new StoreFileLoad<>(null, words.file() + " " + path + " cannot be read (" + unreadable
                    + "): " + words.contents() + " are kept in memory only",
                    "not saved: " + path + " could not be read, so it is left as it is");
        }
    }

    /**
     * Loads {@code file} as a store does when it starts: under its {@link StoreFileLock}, first
     * removing the temporary files of writes that a crash interrupted (they may hold secrets). When
     * the lock cannot be had in time, the file is loaded all the same (it is only ever replaced
     * whole, so reading it is safe) and the message says the leftovers were not looked at.
     */
    public static <T> StoreFileLoad<T> atStart(AtomicFile file, Reader<T> reader, Words words, Clock clock) {
        if (!Files.isDirectory(file.path().toAbsolutePath().getParent())) {
            return load(file.path(), reader, words, clock); // nothing there yet; the first change makes the directory
        }
        try (StoreFileLock lock = StoreFileLock.acquire(file.path(), StoreFileLock.DEFAULT_TIMEOUT)) {
            file.removeStaleTemporaries();
            return load(file.path(), reader, words, clock);
        } catch (IOException notLocked) {
            StoreFileLoad<T> load = load(file.path(), reader, words, clock);
            String note = "could not lock " + file.path() + " to look for temporary files a crash left (" + notLocked.getMessage() + ")";
            return new StoreFileLoad<>(load.contents, load.problem == null ? note : load.problem + "; " + note, load.notSaving);
        }
    }

    /** The message for the entries {@link StrictJson#entries} skipped, or null when none was. */
    private static String skippedEntries(Path path, Object contents, Words words) {
        if (!(contents instanceof ReadEntries<?> read) || read.skipped().isEmpty()) {
            return null;
        }
        List<String> skipped = read.skipped();
        String named = String.join("; ", skipped.subList(0, Math.min(SKIPPED_NAMED, skipped.size())))
                + (skipped.size() > SKIPPED_NAMED ? "; and " + (skipped.size() - SKIPPED_NAMED) + " more" : "");
        return words.file() + " " + path + ": skipped " + skipped.size() + (skipped.size() == 1 ? " bad entry" : " bad entries")
                + " and loaded the other " + read.size() + " (" + named + "); the next save leaves "
                + (skipped.size() == 1 ? "it" : "them") + " out";
    }

    /** What the file held (nothing yet, for a file that does not exist); empty when it could not be used. */
    public Optional<T> contents() {
        return Optional.ofNullable(contents);
    }

    /** Empty when the file loaded cleanly (or did not exist); else what went wrong and what was done. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Why the store must not save (its file is left for the user), or empty when it may. */
    public Optional<String> notSaving() {
        return Optional.ofNullable(notSaving);
    }
}
