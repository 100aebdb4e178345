package navemu.navigator;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the {@link Deadlines} of one navigation. A blocked socket read does not watch a clock,
 * and the TLS slot reads its own records, so when a deadline passes the watchdog closes what the
 * hop has open; the step that was waiting then fails, and the navigator reports ERR_TIMED_OUT
 * naming the deadline instead of the closed socket it saw.
 */
final class Watchdog implements AutoCloseable {
    private ScheduledExecutorService timer;

    /** Starts counting {@code limit} for {@code what} ("the response headers"). */
    synchronized Alarm arm(Duration limit, String what) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "navemu-deadline");
                thread.setDaemon(true);
                return thread;
            });
        }
        Alarm alarm = new Alarm(limit, what);
        alarm.future = timer.schedule(alarm::fire, limit.toNanos(), TimeUnit.NANOSECONDS);
        return alarm;
    }

    /** Stops the timer thread; armed alarms no longer fire. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
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
