package navemu.shell.render;

import org.jline.utils.AttributedString;

/**
 * Where the shell writes. Lines are {@link AttributedString}s so that a terminal shows colours
 * and every other sink (a pipe, a test) gets the same text without them.
 */
public interface Console {

    /** One line of the command's output. */
    void out(AttributedString line);

    /** One line about something that went wrong. */
    void err(AttributedString line);

    /**
     * A line that the next {@link #out} replaces in place (live progress). Consoles that cannot
     * rewrite a line ignore it.
     */
    void transientLine(AttributedString line);

    /** True when {@link #transientLine} shows anything. */
    boolean live();

    /** Columns available for a line. */
    int width();

    default void out(String line) {
        out(new AttributedString(line));
    }

    default void err(String line) {
        err(new AttributedString(line));
    }
}
