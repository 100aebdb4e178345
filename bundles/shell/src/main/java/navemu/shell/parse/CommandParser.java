package navemu.shell.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into commands and each command into words, the way a POSIX shell does for the
 * few rules a navemu user needs:
 * <ul>
 *   <li>{@code ;} outside quotes ends a command ({@code open URL; expect status == 200});</li>
 *   <li>{@code '...'} keeps everything literally; {@code "..."} keeps spaces and understands
 *       {@code \"} and {@code \\}; outside quotes {@code \} takes the next character literally;</li>
 *   <li>{@code #} at the start of a word, outside quotes, starts a comment to the end of the line
 *       (a {@code #} inside a word, as in a URL fragment, is an ordinary character).</li>
 * </ul>
 * Empty commands (a blank line, {@code ;;}) are dropped.
 */
public final class CommandParser {

    /** The commands on {@code line}, in order. */
    public List<CommandLine> parse(String line) throws ParseException {
        List<CommandLine> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int commandStart = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = c == '\'' ? readSingleQuoted(line, i, word) : readDoubleQuoted(line, i, word);
                inWord = true;
                i = close + 1;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new ParseException("a backslash at the end of the line escapes nothing (column " + (i + 1) + ")");
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
                continue;
            }
            if (c == '#' && !inWord) {
                break; // comment: the rest of the line is not a command
            }
            if (c == ';') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                addCommand(commands, words, line.substring(commandStart, i));
                words = new ArrayList<>();
                commandStart = i + 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            word.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            words.add(word.toString());
        }
        addCommand(commands, words, line.substring(commandStart, Math.min(i, line.length())));
        return commands;
    }

    private static void addCommand(List<CommandLine> commands, List<String> words, String text) {
        if (words.isEmpty()) {
            return;
        }
        commands.add(new CommandLine(words.get(0), words.subList(1, words.size()), text.strip()));
    }

    /** Appends the quoted text to {@code word}; returns the index of the closing quote. */
    private static int readSingleQuoted(String line, int open, StringBuilder word) throws ParseException {
        int close = line.indexOf('\'', open + 1);
        if (close < 0) {
            throw new ParseException("unterminated single quote starting at column " + (open + 1));
        }
        word.append(line, open + 1, close);
        return close;
    }

    private static int readDoubleQuoted(String line, int open, StringBuilder word) throws ParseException {
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(i + 1));
                i += 2;
                continue;
            }
            word.append(c);
            i++;
        }
        throw new ParseException("unterminated double quote starting at column " + (open + 1));
    }
}
