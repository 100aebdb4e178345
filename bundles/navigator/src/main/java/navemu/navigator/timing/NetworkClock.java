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
    private long totalNanos;
    private long waits;

    /** Opens a wait now; close it when the thread may go on. */
    public NetworkWait begin() {
        long now = System.nanoTime();
        synchronized (this) {
            if (open++ == 0) {
                openSince = now;
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
            totalNanos += System.nanoTime() - openSince;
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
