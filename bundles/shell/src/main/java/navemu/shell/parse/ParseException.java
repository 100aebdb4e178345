package navemu.shell.parse;

/** A line the shell cannot split into commands: an unterminated quote, a dangling escape. */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message);
    }
}
