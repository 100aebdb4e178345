package navemu.api.nav;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import navemu.api.Slot;
import navemu.api.tls.KeyLog;
import navemu.api.trace.NavigationListener;

/**
 * One navigation to run.
 *
 * @param url          what the user typed (http:// or https://)
 * @param overrides    implementations to use instead of the active ones, for this navigation only
 * @param listener     receives every event as it happens
 * @param clock        the navigation's clock (certificate validity, HSTS and ticket expiry)
 * @param timeout      the longest any single network wait may take
 * @param keyLog       where key-log lines go
 * @param cancellation lets another thread stop the navigation (Ctrl-C)
 * @param scope        this navigation's own DNS cache and session store, or null for the shared ones
 */
public record NavigationRequest(String url, Map<Slot, String> overrides, NavigationListener listener, Clock clock,
                                Duration timeout, KeyLog keyLog, Cancellation cancellation,
                                NavigationScope scope) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public NavigationRequest {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        listener = listener == null ? NavigationListener.NONE : listener;
        clock = clock == null ? Clock.systemUTC() : clock;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        keyLog = keyLog == null ? KeyLog.NONE : keyLog;
        cancellation = cancellation == null ? new Cancellation() : cancellation;
    }

    /** A request in the shared DNS cache and session store (no {@link NavigationScope}). */
    public NavigationRequest(String url, Map<Slot, String> overrides, NavigationListener listener, Clock clock,
                             Duration timeout, KeyLog keyLog, Cancellation cancellation) {
        this(url, overrides, listener, clock, timeout, keyLog, cancellation, null);
    }

    /** The plain case: this URL, the active composition, no listener. */
    public static NavigationRequest of(String url) {
        return new NavigationRequest(url, Map.of(), null, null, null, null, null, null);
    }

    public NavigationRequest withOverrides(Map<Slot, String> newOverrides) {
        return new NavigationRequest(url, newOverrides, listener, clock, timeout, keyLog, cancellation, scope);
    }

    public NavigationRequest withListener(NavigationListener newListener) {
        return new NavigationRequest(url, overrides, newListener, clock, timeout, keyLog, cancellation, scope);
    }

    public NavigationRequest withClock(Clock newClock) {
        return new NavigationRequest(url, overrides, listener, newClock, timeout, keyLog, cancellation, scope);
    }

    public NavigationRequest withTimeout(Duration newTimeout) {
        return new NavigationRequest(url, overrides, listener, clock, newTimeout, keyLog, cancellation, scope);
    }

    public NavigationRequest withKeyLog(KeyLog newKeyLog) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, newKeyLog, cancellation, scope);
    }

    public NavigationRequest withCancellation(Cancellation newCancellation) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, keyLog, newCancellation, scope);
    }

    /** Runs in {@code newScope}'s own DNS cache and session store instead of the shared ones (null: the shared ones). */
    public NavigationRequest withScope(NavigationScope newScope) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, keyLog, cancellation, newScope);
    }
}
