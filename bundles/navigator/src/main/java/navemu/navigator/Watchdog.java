package navemu.navigator;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the {@link Deadlines} of one navigation. A blocked socket read does not watch a clock,
 * and the TLS slot reads its own records, so when a deadline passes the watchdog closes what the
 * hop has open; the step that was waiting then fails, and the navigator reports ERR_TIMED_OUT
 * naming the deadline instead of the closed socket it saw.
 *
 * <p>Every navigation's alarms share one timer thread, which ends after {@value #IDLE_SECONDS} s
 * without alarms: a thread per navigation was a measurable part of a replay's cost. Firing only
 * closes sockets, so one thread serves navigations running side by side.
 */
final class Watchdog implements AutoCloseable {
    static final long IDLE_SECONDS = 10;
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final List<Alarm> armed = new ArrayList<>();
    private boolean closed;

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "navemu-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true); // a disarmed alarm leaves the queue at once
        return timer;
    }

    /** Starts counting {@code limit} for {@code what} ("the response headers"). */
    synchronized Alarm arm(Duration limit, String what) {
        Alarm alarm = new Alarm(limit, what);
        if (closed) {
            return alarm; // never fires: the navigation is over
        }
        alarm.future = TIMER.schedule(alarm::fire, limit.toNanos(), TimeUnit.NANOSECONDS);
        armed.add(alarm);
        return alarm;
    }

    /** Disarms every alarm of this navigation: none of them fires any more. */
    @Override
    public synchronized void close() {
        closed = true;
        armed.forEach(Alarm::disarm);
        armed.clear();
    }

    /** One deadline being counted. */
    static final class Alarm {
        private final Duration limit;
        private final String what;
        private final List<Closeable> victims = new ArrayList<>();
        private ScheduledFuture<?> future;
        private boolean fired;
        private long firedAtNanos;

        private Alarm(Duration limit, String what) {
            this.limit = limit;
            this.what = what;
        }

        /** Closes {@code resource} when the deadline passes (at once, if it has). */
        synchronized void closeOnExpiry(Closeable resource) {
            if (fired) {
                closeQuietly(resource);
            } else {
                victims.add(resource);
            }
        }

        /** Stops counting; what was registered stays open. */
        synchronized void disarm() {
            if (future != null) {
                future.cancel(false);
            }
            victims.clear();
        }

        synchronized boolean fired() {
            return fired;
        }

        /** {@link System#nanoTime()} when it fired; meaningful only once {@link #fired()}. */
        synchronized long firedAtNanos() {
            return firedAtNanos;
        }

        /** "the response headers took longer than 60000 ms". */
        String describe() {
            return what + " took longer than " + limit.toMillis() + " ms";
        }

        private synchronized void fire() {
            fired = true;
            firedAtNanos = System.nanoTime();
            victims.forEach(Alarm::closeQuietly);
            victims.clear();
        }

        private static void closeQuietly(Closeable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing is how the waiting step is woken; nothing more can be done.
            }
        }
    }
}
