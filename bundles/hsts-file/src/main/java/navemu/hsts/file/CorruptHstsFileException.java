package navemu.hsts.file;

/** The HSTS file exists but is not a document this bundle wrote: the message says what is wrong. */
public final class CorruptHstsFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public CorruptHstsFileException(String message) {
        super(message);
    }
}
