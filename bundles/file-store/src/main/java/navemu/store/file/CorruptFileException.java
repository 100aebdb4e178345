package navemu.store.file;

/**
 * The file exists but is not a document its store wrote: the message says what is wrong.
 *
 * <p>Deliberately not an {@link java.io.IOException}: a file that cannot be read and a file that
 * was read but makes no sense are handled differently (left alone, or moved aside).
 */
public final class CorruptFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public CorruptFileException(String message) {
        super(message);
    }
}
