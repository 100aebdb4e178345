package navemu.shell.parse;

import java.util.List;

/**
 * One command as typed: its name, its arguments (quotes removed) and the text it came from,
 * which the script runner repeats in its messages.
 */
public record CommandLine(String name, List<String> args, String text) {

    public CommandLine {
        args = List.copyOf(args);
    }

    /** The argument at {@code index}, or null when there are fewer. */
    public String arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }
}
