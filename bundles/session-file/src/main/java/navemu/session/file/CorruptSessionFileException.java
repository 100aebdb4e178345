package navemu.session.file;

/** The session file exists but is not a document this bundle wrote: the message says what is wrong. */
public final class CorruptSessionFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public CorruptSessionFileException(String message) {
        super(message);
    }
}
