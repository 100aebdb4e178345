package navemu.shell.render;

import java.util.HashMap;
import java.util.Map;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.trace.NavigationListener;
import navemu.api.trace.TraceEvent;

/**
 * The live view of a navigation in a terminal: each step appears as it starts ({@code …}) and
 * is rewritten in place when it ends, with ✓ and its time and round trips, or ✗ and the error.
 * Called on the navigating thread; it only writes a line, so it never holds the navigation up.
 */
public final class ProgressView implements NavigationListener {
    private final Console console;
    private final Map<String, Long> started = new HashMap<>();

    public ProgressView(Console console) {
        this.console = console;
    }

    /** The duration the navigator measured, else the time between the step's first and last event. */
    private static double durationOf(TraceEvent event, Long start) {
        String measured = event.fields().get("durationMs");
        if (measured != null) {
            try {
                return Double.parseDouble(measured);
            } catch (NumberFormatException ignored) {
                // fall through to our own measure
            }
        }
        return start == null ? 0 : (event.atNanos() - start) / 1e6;
    }

    @Override
    public synchronized void onEvent(TraceEvent event) {
        switch (event.kind()) {
            case STEP_START:
                started.put(event.step(), event.atNanos());
                console.transientLine(new StepRow(event.step(), event.impl(), true, true, 0, 0, null, "").full(console.width()));
                break;
            case STEP_END:
            case STEP_ERROR:
                boolean ok = event.kind() == TraceEvent.Kind.STEP_END;
                Long start = started.remove(event.step());
                double millis = durationOf(event, start);
                AttributedString row = new StepRow(event.step(), event.impl(), ok, false, millis, event.roundTrips(),
                        ok ? null : event.name(), "").full(console.width());
                if (!ok && event.text() != null) {
                    row = new AttributedStringBuilder().append(row).style(Style.DIM).append("  " + event.text())
                            .style(Style.PLAIN).toAttributedString();
                }
                console.out(row);
                break;
            default:
                break;
        }
    }
}
