package navemu.hsts.preload;

/** The preload list cannot be used; the message names the file and the entry at fault. */
public final class InvalidPreloadListException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidPreloadListException(String message) {
        super(message);
    }
}
