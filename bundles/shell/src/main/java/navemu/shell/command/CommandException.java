package navemu.shell.command;

/**
 * A well-formed command could not be carried out (no such implementation, no navigator, a
 * file that cannot be read): exit status 1 in non-interactive use.
 */
public final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
