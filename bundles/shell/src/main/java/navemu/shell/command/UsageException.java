package navemu.shell.command;

/**
 * The command was not written correctly (unknown command, wrong arguments, a bad slot name):
 * exit status 2 in non-interactive use. The message says what a correct one looks like.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
