package navemu.shell.render;

import org.jline.utils.AttributedString;

/**
 * The console of a {@code --json} run: stdout carries JSON lines and nothing else, so a script can
 * parse every line. Whatever a command prints for a person ({@code help}, {@code lab}, a view,
 * {@code use}, a warning) goes to stderr instead; only {@link #json} writes to stdout.
 */
public final class JsonOnlyStdout implements Console {
    private final Console streams;

    /** @param streams the real console: its {@code out} is stdout, its {@code err} stderr */
    public JsonOnlyStdout(Console streams) {
        this.streams = streams;
    }

    /** One JSON line, to stdout. */
    public void json(String line) {
        streams.out(line);
    }

    /** A line for a person: stderr, since stdout is JSON. */
    @Override
    public void out(AttributedString line) {
        streams.err(line);
    }

    @Override
    public void err(AttributedString line) {
        streams.err(line);
    }

    @Override
    public void transientLine(AttributedString line) {
        // Live progress would be noise between JSON lines; the result line says it all.
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public int width() {
        return streams.width();
    }
}
