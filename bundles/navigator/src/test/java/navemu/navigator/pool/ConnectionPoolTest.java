package navemu.navigator.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import navemu.api.tcp.Connection;

/** The pool's own rules, Chrome's: the group's most recent idle connection first, the bounds, the idle timeouts. */
class ConnectionPoolTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private final List<String> notes = new ArrayList<>();
    private long ids;

    private static PoolKey key(String host) {
        return PoolKey.of("https", host, 443, Map.of("tls", "browser"), null, "sessions");
    }

    private PooledConnection connection(PoolKey key, boolean used) {
        PooledConnection c = new PooledConnection(++ids, key, Instant.now(), "https://" + key.host() + "/", new Quiet());
        if (used) {
            c.exchanged();
        }
        return c;
    }

    @Test
    void theMostRecentlyIdleConnectionOfTheGroupIsTakenFirst() {
        ConnectionPool pool = new ConnectionPool();
        PooledConnection older = connection(key("a"), true);
        PooledConnection newer = connection(key("a"), true);
        pool.offer(older);
        pool.offer(newer);
        assertSame(newer, pool.take(key("a"), READ_TIMEOUT, notes::add).orElseThrow());
        assertSame(older, pool.take(key("a"), READ_TIMEOUT, notes::add).orElseThrow());
        assertEquals(Optional.empty(), pool.take(key("a"), READ_TIMEOUT, notes::add));
    }

    @Test
    void anotherKeyFindsNothing() {
        ConnectionPool pool = new ConnectionPool();
        pool.offer(connection(key("a"), true));
        assertEquals(Optional.empty(), pool.take(key("b"), READ_TIMEOUT, notes::add));
        assertEquals(Optional.empty(), pool.take(PoolKey.of("https", "a", 443, Map.of("tls", "jsse"), null, "sessions"),
                READ_TIMEOUT, notes::add));
        assertEquals(Optional.empty(), pool.take(PoolKey.of("https", "a", 443, Map.of("tls", "browser"), null,
                new String("sessions")), READ_TIMEOUT, notes::add), "another session store object: another partition");
    }

    @Test
    void atMostSixIdleConnectionsPerGroupTheOldestGoes() {
        ConnectionPool pool = new ConnectionPool();
        List<PooledConnection> made = new ArrayList<>();
        for (int i = 0; i < ConnectionPool.MAX_IDLE_PER_GROUP + 1; i++) {
            PooledConnection c = connection(key("a"), true);
            made.add(c);
            pool.offer(c);
        }
        assertEquals(6, pool.idleCount(key("a")));
        assertTrue(made.get(0).closed(), "the oldest idle connection was closed to make room");
        assertFalse(made.get(6).closed());
    }

    @Test
    void atMost256IdleConnectionsInAll() {
        ConnectionPool pool = new ConnectionPool();
        PooledConnection first = connection(key("h0"), true);
        pool.offer(first);
        for (int i = 1; i <= ConnectionPool.MAX_IDLE; i++) {
            pool.offer(connection(key("h" + i), true));
        }
        assertEquals(ConnectionPool.MAX_IDLE, pool.idleCount());
        assertTrue(first.closed());
        pool.close();
    }

    @Test
    void anUnusedConnectionTimesOutSoonerThanAUsedOne() throws InterruptedException {
        ConnectionPool pool = new ConnectionPool(Duration.ofMillis(20), Duration.ofMinutes(5));
        PooledConnection unused = connection(key("a"), false);
        PooledConnection used = connection(key("a"), true);
        pool.offer(unused);
        pool.offer(used);
        Thread.sleep(40);
        pool.closeExpired();
        assertTrue(unused.closed());
        assertFalse(used.closed());
        assertSame(used, pool.take(key("a"), READ_TIMEOUT, notes::add).orElseThrow());
    }

    @Test
    void anExpiredConnectionIsClosedAndNeverHandedOut() throws InterruptedException {
        ConnectionPool pool = new ConnectionPool(Duration.ofMillis(20), Duration.ofMillis(20));
        PooledConnection c = connection(key("a"), true);
        pool.offer(c);
        Thread.sleep(40);
        assertEquals(Optional.empty(), pool.take(key("a"), READ_TIMEOUT, notes::add));
        assertTrue(c.closed());
        // The sweeper may have closed it first; if the take found it, it said why.
        assertTrue(notes.isEmpty() || notes.get(0).startsWith("connection #1 to https://a:443 was idle"), notes.toString());
    }

    @Test
    void aClosedPoolClosesWhatItHadAndWhatComesLater() {
        ConnectionPool pool = new ConnectionPool();
        PooledConnection idle = connection(key("a"), true);
        pool.offer(idle);
        pool.close();
        assertTrue(idle.closed());
        PooledConnection late = connection(key("a"), true);
        pool.offer(late);
        assertTrue(late.closed());
        assertEquals(0, pool.idleCount());
    }

    /** A connection that is open and quiet: a read times out. */
    private static final class Quiet implements Connection {
        @Override public InputStream input() {
            return new InputStream() {
                @Override public int read() throws IOException {
                    throw new SocketTimeoutException("quiet");
                }
            };
        }
        @Override public OutputStream output() { return OutputStream.nullOutputStream(); }
        @Override public void setReadTimeout(Duration timeout) { }
        @Override public InetSocketAddress remote() { return new InetSocketAddress("127.0.0.1", 443); }
        @Override public InetSocketAddress local() { return new InetSocketAddress("127.0.0.1", 50000); }
        @Override public void close() { }
    }
}
