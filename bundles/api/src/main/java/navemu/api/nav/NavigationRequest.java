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
 * @param http         the method, extra header fields and body of the first request ({@code open -X -H -d});
 *                     {@link RequestOptions#NAVIGATION} for a plain navigation
 * @param scope        this navigation's own DNS cache and session store, or null for the shared ones
 * @param connections  whether its hops may use connections left open by other requests; {@link ConnectionReuse#POOLED}
 *                     (a browser's way) unless said
 */
public record NavigationRequest(String url, Map<Slot, String> overrides, NavigationListener listener, Clock clock,
                                Duration timeout, KeyLog keyLog, Cancellation cancellation, RequestOptions http,
                                NavigationScope scope, ConnectionReuse connections) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public NavigationRequest {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        listener = listener == null ? NavigationListener.NONE : listener;
        clock = clock == null ? Clock.systemUTC() : clock;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        keyLog = keyLog == null ? KeyLog.NONE : keyLog;
        cancellation = cancellation == null ? new Cancellation() : cancellation;
        http = http == null ? RequestOptions.NAVIGATION : http;
        connections = connections == null ? ConnectionReuse.POOLED : connections;
    }

    /** A navigation with pooled connections (the form before {@code connections} was a component). */
    public NavigationRequest(String url, Map<Slot, String> overrides, NavigationListener listener, Clock clock,
                             Duration timeout, KeyLog keyLog, Cancellation cancellation, RequestOptions http,
                             NavigationScope scope) {
        this(url, overrides, listener, clock, timeout, keyLog, cancellation, http, scope, null);
    }

    /** A plain navigation (GET, no extra fields, no body) in the shared DNS cache and session store. */
    public NavigationRequest(String url, Map<Slot, String> overrides, NavigationListener listener, Clock clock,
                             Duration timeout, KeyLog keyLog, Cancellation cancellation) {
        this(url, overrides, listener, clock, timeout, keyLog, cancellation, null, null, null);
    }

    /** The plain case: this URL, the active composition, no listener. */
    public static NavigationRequest of(String url) {
        return new NavigationRequest(url, Map.of(), null, null, null, null, null, null, null, null);
    }

    public NavigationRequest withOverrides(Map<Slot, String> newOverrides) {
        return new NavigationRequest(url, newOverrides, listener, clock, timeout, keyLog, cancellation, http, scope, connections);
    }

    public NavigationRequest withListener(NavigationListener newListener) {
        return new NavigationRequest(url, overrides, newListener, clock, timeout, keyLog, cancellation, http, scope, connections);
    }

    public NavigationRequest withClock(Clock newClock) {
        return new NavigationRequest(url, overrides, listener, newClock, timeout, keyLog, cancellation, http, scope, connections);
    }

    public NavigationRequest withTimeout(Duration newTimeout) {
        return new NavigationRequest(url, overrides, listener, clock, newTimeout, keyLog, cancellation, http, scope, connections);
    }

    public NavigationRequest withKeyLog(KeyLog newKeyLog) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, newKeyLog, cancellation, http, scope, connections);
    }

    public NavigationRequest withCancellation(Cancellation newCancellation) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, keyLog, newCancellation, http, scope, connections);
    }

    public NavigationRequest withHttp(RequestOptions newHttp) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, keyLog, cancellation, newHttp, scope, connections);
    }

    /** Runs in {@code newScope}'s own DNS cache and session store instead of the shared ones (null: the shared ones). */
    public NavigationRequest withScope(NavigationScope newScope) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, keyLog, cancellation, http, newScope, connections);
    }

    /** Whether its hops may use connections other requests left open ({@code open --new-connection}: {@link ConnectionReuse#NEVER}). */
    public NavigationRequest withConnections(ConnectionReuse newConnections) {
        return new NavigationRequest(url, overrides, listener, clock, timeout, keyLog, cancellation, http, scope,
                newConnections);
    }
}
