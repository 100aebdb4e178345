package navemu.store.file;

import java.util.AbstractList;
import java.util.List;

/**
 * The entries of a store's document that could be read, in file order, and what was said about
 * each one that could not ({@link #skipped()}). It is a {@link List} of the good entries, so a store
 * that only wants those uses it as one; {@link StoreFileLoad} turns the skipped ones into the words
 * the user reads.
 *
 * @param <T> one entry
 */
public final class ReadEntries<T> extends AbstractList<T> {

    private final List<T> entries;
    private final List<String> skipped;

    ReadEntries(List<T> entries, List<String> skipped) {
        this.entries = List.copyOf(entries);
        this.skipped = List.copyOf(skipped);
    }

    @Override
    public T get(int index) {
        return entries.get(index);
    }

    @Override
    public int size() {
        return entries.size();
    }

    /** One sentence per entry left out ("entry 3: \"expires\" is not an ISO-8601 instant: …"), in file order. */
    public List<String> skipped() {
        return skipped;
    }
}
