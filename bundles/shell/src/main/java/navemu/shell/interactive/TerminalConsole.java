package navemu.shell.interactive;

import java.io.PrintWriter;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp;

import navemu.shell.render.Console;

/**
 * A console on a JLine terminal: colours where the terminal has them, and a live line that the
 * next line overwrites (carriage return, clear to end of line).
 */
final class TerminalConsole implements Console {
    private final Terminal terminal;
    private final boolean live;
    private boolean transientShown;

    TerminalConsole(Terminal terminal) {
        this.terminal = terminal;
        this.live = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    @Override
    public synchronized void out(AttributedString line) {
        clearTransient();
        PrintWriter writer = terminal.writer();
        writer.println(ansi(line));
        writer.flush();
    }

    @Override
    public synchronized void err(AttributedString line) {
        out(line);
    }

    @Override
    public synchronized void transientLine(AttributedString line) {
        if (!live) {
            return;
        }
        clearTransient();
        terminal.writer().print(ansi(line.columnSubSequence(0, Math.max(0, width() - 1))));
        terminal.writer().flush();
        transientShown = true;
    }

    /**
     * Colours as the terminal has them, but box-drawing characters left as they are: JLine would
     * otherwise switch them to the terminal's alternate character set, which copies, logs and
     * screen captures show as letters ("qqqq" for "────").
     */
    private String ansi(AttributedString line) {
        if (!live) {
            return line.toString();
        }
        Integer colors = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return line.toAnsi(colors == null ? 8 : colors, AttributedCharSequence.ForceMode.None, terminal.getPalette(), null, null);
    }

    private void clearTransient() {
        if (transientShown) {
            terminal.writer().print('\r');
            terminal.puts(InfoCmp.Capability.clr_eol);
            transientShown = false;
        }
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public int width() {
        int width = terminal.getWidth();
        return width > 20 ? width : 100;
    }
}
