package navemu.api.nav;

/**
 * Whether a navigation may use a connection another request left open (HTTP keep-alive, or an
 * HTTP/2 connection), as a browser does, or makes a new one for every hop.
 */
public enum ConnectionReuse {
    /**
     * A browser's way: a hop to an origin with an idle connection made under the same composition
     * and scope uses it instead of a new DNS lookup, TCP connect and TLS handshake, and a connection
     * that may serve again is left open for later navigations of the session ({@code open}).
     */
    POOLED,
    /**
     * Connections are reused by the hops of this navigation only (a redirect chain on one origin)
     * and closed when it ends: nothing is taken from or left to other navigations ({@code compare},
     * whose runs must not see each other).
     */
    WITHIN_NAVIGATION,
    /** Every hop makes its own connection and closes it after the response ({@code open --new-connection}). */
    NEVER
}
