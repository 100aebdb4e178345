package navemu.shell.command;

/**
 * One line's verdict, as a report lists it: an expectation that held or failed, or a command
 * that erred.
 *
 * @param where   {@code tour.nav:3}, {@code -c:1}, or null in the interactive shell
 * @param command the command as written
 * @param kind    how it ended
 * @param message what was found, or what went wrong
 */
public record Check(String where, String command, Kind kind, String message) {

    public enum Kind { HELD, FAILED, ERROR, USAGE_ERROR }
}
