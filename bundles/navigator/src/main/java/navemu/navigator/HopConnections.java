package navemu.navigator;

import java.util.Optional;

import navemu.api.nav.ConnectionReuse;
import navemu.navigator.capture.ReusedConnectionTap;
import navemu.navigator.pool.ConnectionPool;
import navemu.navigator.pool.PoolKey;
import navemu.navigator.pool.PooledConnection;

/**
 * Where one navigation's hops get their connections and what happens to them after, as the
 * request's {@link ConnectionReuse} says: from and back to the navigator's pool (a browser's
 * way), a pool of this navigation's own that is closed when it ends, or none (a new connection
 * per hop, closed after its response).
 */
final class HopConnections implements AutoCloseable {
    private final RunContext run;
    private final ConnectionPool pool;
    private final boolean ownPool;

    /**
     * @param shared the navigator's pool, or null when there is none (then even {@code POOLED}
     *               keeps connections for this navigation's hops only)
     */
    HopConnections(RunContext run, ConnectionPool shared) {
        this.run = run;
        ConnectionReuse reuse = run.request().connections();
        if (reuse == ConnectionReuse.NEVER) {
            this.pool = null;
            this.ownPool = false;
        } else if (reuse == ConnectionReuse.POOLED && shared != null) {
            this.pool = shared;
            this.ownPool = false;
        } else {
            this.pool = new ConnectionPool();
            this.ownPool = true;
        }
    }

    /** Whether connections may serve another request after this one. */
    boolean mayKeep() {
        return pool != null;
    }

    /** Chrome's group key for the hop, with what keeps setups apart (see {@link PoolKey}). */
    PoolKey keyFor(TargetUrl url) {
        int port = url.explicitPort() > 0 ? url.explicitPort() : url.defaultPort();
        return PoolKey.of(url.scheme(), url.host(), port, run.slots().namesForResult(), run.request().scope(),
                run.slots().session());
    }

    /** An idle connection for {@code key}, still open, when the navigation may reuse one. */
    Optional<PooledConnection> idle(HopState hop, PoolKey key) {
        if (pool == null) {
            return Optional.empty();
        }
        Optional<PooledConnection> found = pool.take(key, run.request().timeout(), hop.connectionNotes::add);
        // The wire capture (when the navigator keeps one) follows the connection into this navigation.
        found.ifPresent(c -> {
            if (run.slots().tcp() instanceof ReusedConnectionTap tap) {
                tap.continueOn(c.tcp(), c.id());
            }
        });
        return found;
    }

    /** After the hop: kept for the next request when it may serve again, else closed. */
    void release(PooledConnection connection, boolean reusable) {
        if (pool != null && reusable && !connection.closed()) {
            pool.offer(connection);
        } else {
            connection.close();
        }
    }

    /** The navigation is over: its own pool's connections are closed; the shared pool keeps its own. */
    @Override
    public void close() {
        if (ownPool) {
            pool.close();
        }
    }
}
