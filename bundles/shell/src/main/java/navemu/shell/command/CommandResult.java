package navemu.shell.command;

/**
 * What a command reports back to whoever runs it.
 *
 * @param outcome how it ended
 * @param message for expectations, what was checked and what was found; otherwise null
 */
public record CommandResult(Outcome outcome, String message) {

    public static final CommandResult DONE = new CommandResult(Outcome.DONE, null);
    public static final CommandResult QUIT = new CommandResult(Outcome.QUIT, null);

    public static CommandResult failed(String message) {
        return new CommandResult(Outcome.FAILED, message);
    }
}
