package navemu.api;

/**
 * A step could not go on. Carries the browser error code that the result shows,
 * and a message that says, for a person, what was expected and what happened.
 */
public class NavigationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final NetError error;

    public NavigationException(NetError error, String message) {
        super(message);
        this.error = error;
    }

    public NavigationException(NetError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public NetError error() {
        return error;
    }
}
