package navemu.dns.dnsjava;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a query or an answer back for the emulated link's one-way delay, on the real clock, as
 * the emulated TCP link holds its bytes back. Zero on a real network.
 */
final class EmulatedLatency {

    private EmulatedLatency() {
    }

    static void hold(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }
}
