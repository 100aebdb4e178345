package navemu.navigator;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.result.NavigationResult;
import navemu.api.trace.NavigationListener;

/**
 * What every step of one navigation shares: the request, the composition snapshot, where events
 * go, the navigation's clock origin and deadlines, and the result being filled.
 */
record RunContext(NavigationRequest request, Snapshot slots, Function<TargetUrl, Optional<PortHint>> portMap,
                  NavigationListener listener, Deadlines deadlines, Watchdog watchdog, long startNanos,
                  NavigationResult result) {

    StepRecorder step(String name, String impl) {
        return new StepRecorder(listener, name, impl, startNanos);
    }

    Instant now() {
        return Instant.now(request.clock());
    }

    /**
     * When the user cancelled (Ctrl-C) or a deadline passed, the connection was closed under a
     * step: that step's failure is the cancel (ERR_ABORTED) or the deadline (ERR_TIMED_OUT,
     * saying which), not the closed socket it saw.
     */
    NavigationException interruptedOr(HopState hop, NavigationException failure) {
        if (request.cancellation().isCancelled()) {
            // Ctrl-C closed the connection under the step: what it saw (a reset, a closed socket)
            // is the consequence; the step, like the navigation, was aborted (Chromium: ERR_ABORTED).
            return new NavigationException(NetError.ERR_ABORTED, "cancelled by the user (the step then saw: "
                    + failure.getMessage() + ")", failure);
        }
        Watchdog.Alarm first = firstFired(hop);
        if (first == null) {
            return failure;
        }
        return new NavigationException(NetError.ERR_TIMED_OUT, first.describe() + ", so navemu closed the connection"
                + " (the step then saw: " + failure.getMessage() + ")", failure);
    }

    /** Whether the user cancelled or one of the hop's deadlines passed. */
    boolean interrupted(HopState hop) {
        return request.cancellation().isCancelled() || firstFired(hop) != null;
    }

    private static Watchdog.Alarm firstFired(HopState hop) {
        Watchdog.Alarm first = null;
        for (Watchdog.Alarm alarm : hop.alarms) {
            if (alarm.fired() && (first == null || alarm.firedAtNanos() < first.firedAtNanos())) {
                first = alarm;
            }
        }
        return first;
    }
}
