package navemu.store.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
 * </ul>
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
            return new StoreFileLoad<>(reader.read(), null, null);
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
