package navemu.navigator.timing;

import navemu.api.result.StepResult;

/**
 * Where a step's time went: network (waiting on the link), server (the peer's own time to answer,
 * when the link can see it) and local work (the rest: our CPU, our class loading, our GC). The
 * three add up to the duration, within the 0.01 ms rounding of each.
 */
public final class TimeSplit {

    private TimeSplit() {
    }

    /**
     * Fills {@link StepResult#networkMs}, {@link StepResult#serverMs} and {@link StepResult#localMs}.
     *
     * @param durationNanos the step's duration
     * @param network       the step's network clock
     * @param roundTrips    the round trips the step counted
     * @param serverNanos   the server's time seen during the step, or a negative number when unseen
     */
    public static void fill(StepResult result, long durationNanos, NetworkClock network, int roundTrips,
                            long serverNanos) {
        if (network.waits() == 0 && roundTrips > 0) {
            // The step went on the network but its implementation does not say when it waited:
            // better no split than a wrong one.
            return;
        }
        long waited = Math.min(durationNanos, network.nanos());
        long server = serverNanos < 0 ? 0 : Math.min(serverNanos, waited);
        long onTheLink = waited - server;
        result.networkMs = millis(onTheLink);
        result.serverMs = serverNanos < 0 ? null : millis(server);
        result.localMs = millis(durationNanos - waited);
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
