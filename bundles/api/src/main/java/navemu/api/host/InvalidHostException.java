package navemu.api.host;

/**
 * The host parser's "failure": the text is not a host a browser would accept. The message is a
 * sentence that names the host and what is wrong with it.
 */
public final class InvalidHostException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidHostException(String message) {
        super(message);
    }
}
