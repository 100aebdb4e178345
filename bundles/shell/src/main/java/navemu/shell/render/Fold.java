package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Long lines folded to the width instead of cut: a view never loses a value because the window
 * (or the pipe's 120 columns) is narrow. A line breaks at the last space that fits, or inside a
 * word with no space (a hex value) at the width; continuation lines are indented so the eye sees
 * they belong to the line above. Lines stay one column short of the width, so a terminal never
 * wraps them a second time.
 */
public final class Fold {

    private Fold() {
    }

    /** {@code line} as one or more lines of at most {@code width - 1} columns; continuations start with {@code indent} spaces. */
    public static List<AttributedString> lines(AttributedString line, int width, int indent) {
        int room = Math.max(20, width - 1);
        int hang = Math.max(0, Math.min(indent, room / 2));
        List<AttributedString> out = new ArrayList<>();
        AttributedString rest = line;
        boolean first = true;
        while (true) {
            int limit = first ? room : room - hang;
            if (rest.length() <= limit) {
                out.add(first ? rest : indented(rest, hang));
                return out;
            }
            int cut = breakAt(rest.toString(), limit);
            out.add(first ? rest.subSequence(0, cut) : indented(rest.subSequence(0, cut), hang));
            int next = cut;
            while (next < rest.length() && rest.charAt(next) == ' ') {
                next++;
            }
            rest = rest.subSequence(next, rest.length());
            first = false;
            if (rest.length() == 0) {
                return out;
            }
        }
    }

    /**
     * A head followed by items: on one line when it fits, else the head (folded) and the items
     * on the lines below at {@code indent}, as many to a line as fit; an item longer than a line
     * is folded with two more spaces.
     */
    public static List<AttributedString> block(AttributedString head, List<String> items, int width, int indent,
                                               AttributedStyle itemStyle) {
        int room = Math.max(20, width - 1);
        AttributedStringBuilder one = new AttributedStringBuilder().append(head);
        for (String item : items) {
            one.append("  ").style(itemStyle).append(item).style(Style.PLAIN);
        }
        AttributedString joined = one.toAttributedString();
        if (joined.length() <= room) {
            return List.of(joined);
        }
        List<AttributedString> out = new ArrayList<>(head.toString().isBlank() ? List.of() : lines(head, width, indent));
        int at = Math.min(indent, room / 2);
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            if (line.length() > 0 && at + line.length() + 2 + item.length() <= room) {
                line.append("  ").append(item);
                continue;
            }
            if (line.length() > 0) {
                out.add(styled(" ".repeat(at) + line, itemStyle));
                line.setLength(0);
            }
            if (at + item.length() <= room) {
                line.append(item);
            } else {
                out.addAll(lines(styled(" ".repeat(at) + item, itemStyle), width, at + 2));
            }
        }
        if (line.length() > 0) {
            out.add(styled(" ".repeat(at) + line, itemStyle));
        }
        return out;
    }

    private static AttributedString styled(String text, AttributedStyle style) {
        return new AttributedString(text, style);
    }

    /** The last space within {@code limit} (not at the very start), else {@code limit}: a word longer than the line is split. */
    private static int breakAt(String text, int limit) {
        for (int i = limit; i > limit / 3; i--) {
            if (text.charAt(i) == ' ' && i > 0 && text.charAt(i - 1) != ' ') {
                return i;
            }
        }
        return limit;
    }

    private static AttributedString indented(AttributedString text, int indent) {
        return new AttributedStringBuilder().append(" ".repeat(indent)).append(text).toAttributedString();
    }
}
