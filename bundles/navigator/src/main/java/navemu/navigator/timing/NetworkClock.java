package navemu.navigator.timing;

import navemu.api.trace.NetworkWait;

/**
 * Counts one step's network time: the time during which at least one {@link NetworkWait} was
 * open. Waits may overlap (three DNS queries in parallel, each on its own thread); the clock
 * counts their union, so three parallel 100 ms waits are 100 ms, not 300. Constant memory
 * whatever the number of waits (a body read in a million small reads). Thread safe.
 */
public final class NetworkClock {

    private int open;
    private long openSince;
    private long lastClosed = Long.MIN_VALUE;
    private long totalNanos;
    private long waits;

    /** Opens a wait now; close it when the thread may go on. */
    public NetworkWait begin() {
        return beginAt(System.nanoTime());
    }

    /**
     * Opens a wait that began at {@code startNanos} (not after now): a flight that left then and
     * whose answer the thread now waits for. Time already counted is never counted twice.
     */
    public NetworkWait beginAt(long startNanos) {
        synchronized (this) {
            long start = lastClosed == Long.MIN_VALUE ? startNanos : Math.max(startNanos, lastClosed);
            if (open++ == 0) {
                openSince = start;
            } else if (start - openSince < 0) {
                openSince = start;
            }
            waits++;
        }
        return new Wait();
    }

    /** The network time so far, including the part of waits still open. */
    public synchronized long nanos() {
        return open == 0 ? totalNanos : totalNanos + (System.nanoTime() - openSince);
    }

    /** How many waits were opened: none means the step did not say where it waited. */
    public synchronized long waits() {
        return waits;
    }

    private synchronized void end() {
        if (--open == 0) {
            long now = System.nanoTime();
            totalNanos += Math.max(0, now - openSince);
            lastClosed = now;
        }
    }

    private final class Wait implements NetworkWait {
        private boolean closed;

        @Override
        public void close() {
            synchronized (NetworkClock.this) {
                if (closed) {
                    return;
                }
                closed = true;
                end();
            }
        }
    }
}
