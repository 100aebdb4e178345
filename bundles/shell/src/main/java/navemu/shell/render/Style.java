package navemu.shell.render;

import org.jline.utils.AttributedStyle;

/** The few colours the shell uses, each with one meaning. */
public final class Style {
    public static final AttributedStyle PLAIN = AttributedStyle.DEFAULT;
    public static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    public static final AttributedStyle BAD = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    public static final AttributedStyle CHANGED = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold();
    public static final AttributedStyle HEADING = AttributedStyle.BOLD;
    public static final AttributedStyle DIM = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    public static final AttributedStyle NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    public static final AttributedStyle SENSITIVE = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);

    public static final String TICK = "✓";
    public static final String CROSS = "✗";

    private Style() {
    }
}
