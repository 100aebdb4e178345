package navemu.shell.command;

import java.util.List;

import navemu.shell.parse.CommandLine;

/** One shell command. Implementations are small and stateless; the session holds the state. */
public interface Command {

    /** The word that calls it. */
    String name();

    /** How to call it, e.g. {@code use SLOT IMPL}. */
    String usage();

    /** One line for {@code help}. */
    String summary();

    /**
     * More lines for {@code help NAME}, after the usage and summary: limits and settings that
     * depend on this session. None by default.
     */
    default List<String> details(Session session) {
        return List.of();
    }

    /**
     * Runs the command.
     *
     * @throws UsageException   when the arguments are wrong
     * @throws CommandException when it cannot be done
     */
    CommandResult run(CommandLine line, Session session) throws UsageException, CommandException;

    /**
     * Candidates for the argument at {@code index} (0 = first argument), given the ones typed
     * before it. Asked at every TAB, so freshly installed implementations appear at once.
     */
    default List<String> complete(int index, List<String> before, Session session) {
        return List.of();
    }
}
