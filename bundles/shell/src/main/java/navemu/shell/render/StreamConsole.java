package navemu.shell.render;

import java.io.PrintStream;

import org.jline.utils.AttributedString;

/** A console on two plain streams (no terminal: {@code -c}, {@code --script}, tests): no colours, no live lines. */
public final class StreamConsole implements Console {
    private final PrintStream out;
    private final PrintStream err;
    private final int width;

    public StreamConsole(PrintStream out, PrintStream err, int width) {
        this.out = out;
        this.err = err;
        this.width = width;
    }

    @Override
    public void out(AttributedString line) {
        out.println(line.toString());
        out.flush();
    }

    /** Plain text as it is: a JSON line of {@code --json} is not copied into an AttributedString and back. */
    @Override
    public void out(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void err(AttributedString line) {
        out.flush();
        err.println(line.toString());
        err.flush();
    }

    @Override
    public void transientLine(AttributedString line) {
        // A stream cannot take a line back; the summary that follows says it all.
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public int width() {
        return width;
    }
}
