package navemu.shell.render;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.trace.NavigationListener;
import navemu.api.trace.TraceEvent;

/**
 * The live view of a navigation in a terminal: one line, rewritten in place, showing the step
 * that runs ({@code …}, and how long it waits once slow) and then how it ended (✓ and its time and
 * round trips, or ✗ and the error). It leaves nothing behind: the summary {@code open} prints
 * next replaces it and lists every step once.
 * Called on the navigating thread; it only writes a line, so it never holds the navigation up.
 */
public final class ProgressView implements NavigationListener, AutoCloseable {
    /** A step running longer than this shows that it waits, and for how long. */
    static final long SLOW_MILLIS = 300;
    private static final long TICK_MILLIS = 200;

    private final Console console;
    private final Map<String, Long> started = new HashMap<>();
    private final ScheduledExecutorService ticker;
    private String runningStep;
    private String runningImpl;
    private long runningSince;

    public ProgressView(Console console) {
        this.console = console;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "navemu-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Rewrites the running step's line with its elapsed time once it is slow. */
    private synchronized void tick() {
        if (runningStep == null) {
            return;
        }
        long elapsed = (System.nanoTime() - runningSince) / 1_000_000;
        if (elapsed < SLOW_MILLIS) {
            return;
        }
        AttributedString row = new StepRow(runningStep, runningImpl, true, true, 0, 0, null, "").full(console.width());
        console.transientLine(new AttributedStringBuilder().append(row).style(Style.DIM)
                .append("  " + Durations.ms(elapsed) + " waiting on the network").style(Style.PLAIN).toAttributedString());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
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
                runningStep = event.step();
                runningImpl = event.impl();
                runningSince = System.nanoTime();
                console.transientLine(new StepRow(event.step(), event.impl(), true, true, 0, 0, null, "").full(console.width()));
                break;
            case STEP_END:
            case STEP_ERROR:
                boolean ok = event.kind() == TraceEvent.Kind.STEP_END;
                runningStep = null;
                Long start = started.remove(event.step());
                double millis = durationOf(event, start);
                AttributedString row = new StepRow(event.step(), event.impl(), ok, false, millis, event.roundTrips(),
                        ok ? null : event.name(), "").full(console.width());
                if (!ok && event.text() != null) {
                    row = new AttributedStringBuilder().append(row).style(Style.DIM).append("  " + event.text())
                            .style(Style.PLAIN).toAttributedString();
                }
                // Rewritten in place like the start: the summary that follows lists every step once,
                // so the live view never leaves a second copy of a step on the screen.
                console.transientLine(row);
                break;
            default:
                break;
        }
    }
}
