package navemu.navigator.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The idle connections a browser keeps for later requests, with Chrome's rules
 * ({@code net/socket/client_socket_pool.cc}, {@code client_socket_pool_manager.cc}):
 * grouped by {@link PoolKey}; the most recently used idle connection of a group is taken first;
 * at most {@value #MAX_IDLE_PER_GROUP} idle connections per group and {@value #MAX_IDLE} in all
 * (the oldest idle one is closed to make room); one never used is closed after 10 s idle, one
 * used after 5 minutes; one the server closed while idle is found before reuse and dropped.
 *
 * <p>A connection is in the pool only while idle: a navigation takes it out, and gives it back
 * only when its exchange ended cleanly and the protocol says it may serve again. So a connection
 * that Ctrl-C or a deadline closes in use is simply never given back. {@link #close()} (the
 * navigator going away, the shell's exit) closes every idle connection and refuses later ones.
 */
public final class ConnectionPool implements AutoCloseable {
    /** Chrome's {@code g_max_sockets_per_group} for normal sockets. */
    public static final int MAX_IDLE_PER_GROUP = 6;
    /** Chrome's {@code g_max_sockets_per_pool} for normal sockets. */
    public static final int MAX_IDLE = 256;
    /** {@code g_unused_idle_socket_timeout_s}: a connection that never carried a request. */
    public static final Duration UNUSED_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** {@code g_used_idle_socket_timeout_s} ({@code kUsedIdleSocketTimeout}): 5 minutes. */
    public static final Duration USED_IDLE_TIMEOUT = Duration.ofSeconds(300);

    private static final ScheduledThreadPoolExecutor SWEEPER = sweeper();

    private final Duration unusedTimeout;
    private final Duration usedTimeout;
    private final Map<PoolKey, Deque<PooledConnection>> idle = new HashMap<>();
    private int idleCount;
    private boolean closed;

    public ConnectionPool() {
        this(UNUSED_IDLE_TIMEOUT, USED_IDLE_TIMEOUT);
    }

    /** For tests: other idle timeouts. */
    public ConnectionPool(Duration unusedTimeout, Duration usedTimeout) {
        this.unusedTimeout = unusedTimeout;
        this.usedTimeout = usedTimeout;
    }

    private static ScheduledThreadPoolExecutor sweeper() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "navemu-idle-connections");
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * An idle connection of {@code key}'s group that is still open, taken out of the pool; those
     * found expired or closed by the server on the way are closed, and {@code notes} says so.
     *
     * @param readTimeout the read timeout to leave on the connection after probing it
     */
    public Optional<PooledConnection> take(PoolKey key, Duration readTimeout, Consumer<String> notes) {
        while (true) {
            PooledConnection candidate;
            synchronized (this) {
                Deque<PooledConnection> group = idle.get(key);
                if (group == null || group.isEmpty()) {
                    return Optional.empty();
                }
                candidate = group.pollFirst();
                idleCount--;
                if (group.isEmpty()) {
                    idle.remove(key);
                }
            }
            long idleMs = (System.nanoTime() - candidate.idleSinceNanos()) / 1_000_000;
            if (candidate.expired(System.nanoTime(), unusedTimeout, usedTimeout)) {
                notes.accept(candidate + " was idle " + idleMs + " ms, longer than a browser keeps one ("
                        + (candidate.exchanges() == 0 ? unusedTimeout : usedTimeout).toSeconds() + " s): closed");
                candidate.close();
            } else {
                IdleProbe.State state = candidate.probe(readTimeout);
                if (state == IdleProbe.State.IDLE) {
                    return Optional.of(candidate);
                }
                notes.accept(candidate + (state == IdleProbe.State.CLOSED ? " was closed by the server while idle ("
                        : " received bytes while idle, with no request out (over TLS most likely the server's"
                        + " close_notify) (") + idleMs + " ms): not reused, closed");
                candidate.close();
            }
        }
    }

    /** Keeps {@code connection} idle for a later request (or closes it, once the pool is closed). */
    public void offer(PooledConnection connection) {
        List<PooledConnection> evicted = new ArrayList<>();
        synchronized (this) {
            if (closed || connection.closed()) {
                evicted.add(connection);
            } else {
                connection.idleFrom(System.nanoTime());
                Deque<PooledConnection> group = idle.computeIfAbsent(connection.key(), k -> new ArrayDeque<>());
                group.addFirst(connection);
                idleCount++;
                if (group.size() > MAX_IDLE_PER_GROUP) {
                    evicted.add(group.pollLast());
                    idleCount--;
                }
                while (idleCount > MAX_IDLE) {
                    evicted.add(removeOldestIdle());
                }
            }
        }
        evicted.forEach(PooledConnection::close);
        if (!evicted.contains(connection)) {
            Duration limit = connection.exchanges() == 0 ? unusedTimeout : usedTimeout;
            SWEEPER.schedule(this::closeExpired, limit.toNanos() + 1_000_000, TimeUnit.NANOSECONDS);
        }
    }

    private PooledConnection removeOldestIdle() {
        PoolKey oldestKey = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<PoolKey, Deque<PooledConnection>> group : idle.entrySet()) {
            long since = group.getValue().peekLast().idleSinceNanos();
            if (since < oldest) {
                oldest = since;
                oldestKey = group.getKey();
            }
        }
        Deque<PooledConnection> group = idle.get(oldestKey);
        PooledConnection victim = group.pollLast();
        if (group.isEmpty()) {
            idle.remove(oldestKey);
        }
        idleCount--;
        return victim;
    }

    /** Closes the idle connections past their timeout (Chrome's CleanupIdleSockets timer). */
    void closeExpired() {
        List<PooledConnection> expired = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<Deque<PooledConnection>> groups = idle.values().iterator(); groups.hasNext(); ) {
                Deque<PooledConnection> group = groups.next();
                group.removeIf(c -> {
                    if (c.expired(now, unusedTimeout, usedTimeout)) {
                        expired.add(c);
                        return true;
                    }
                    return false;
                });
                if (group.isEmpty()) {
                    groups.remove();
                }
            }
            idleCount -= expired.size();
        }
        expired.forEach(PooledConnection::close);
    }

    /** Closes every idle connection now. @return how many */
    public int closeIdle() {
        List<PooledConnection> all = new ArrayList<>();
        synchronized (this) {
            idle.values().forEach(all::addAll);
            idle.clear();
            idleCount = 0;
        }
        all.forEach(PooledConnection::close);
        return all.size();
    }

    /** How many connections sit idle, all groups together. */
    public synchronized int idleCount() {
        return idleCount;
    }

    /** How many sit idle in {@code key}'s group. */
    public synchronized int idleCount(PoolKey key) {
        Deque<PooledConnection> group = idle.get(key);
        return group == null ? 0 : group.size();
    }

    /** Closes every idle connection and every one offered later. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        closeIdle();
    }
}
