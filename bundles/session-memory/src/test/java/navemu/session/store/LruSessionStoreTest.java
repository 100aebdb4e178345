package navemu.session.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore.Entry;
import navemu.api.session.StoredSession;

/** The rules of the session store: keys isolated, newest first, expiry, single-use take, bounded LRU. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LruSessionStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");
    private static final SessionKey WWW = new SessionKey("www.lab.test", 8443, "www.lab.test");

    static StoredSession ticket(String name, Instant created, Duration lifetime) {
        return new StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null,
                name.getBytes(StandardCharsets.US_ASCII), ("secret-" + name).getBytes(StandardCharsets.US_ASCII),
                created, lifetime, 0x1234_5678L, 0, "http/1.1", false);
    }

    static StoredSession ticket(String name, Instant created) {
        return ticket(name, created, Duration.ofHours(1));
    }

    private static String name(StoredSession session) {
        return new String(session.ticket(), StandardCharsets.US_ASCII);
    }

    @Test
    void aSessionIsOfferedOnlyUnderItsOwnHostPortAndSni() {
        LruSessionStore store = new LruSessionStore(16);
        store.put(WWW, ticket("www", T0));

        assertEquals("www", name(store.find(WWW, T0).orElseThrow()));
        assertTrue(store.find(new SessionKey("api.lab.test", 8443, "api.lab.test"), T0).isEmpty());
        assertTrue(store.find(new SessionKey("www.lab.test", 9443, "www.lab.test"), T0).isEmpty());
        assertTrue(store.find(new SessionKey("www.lab.test", 8443, "other.lab.test"), T0).isEmpty());
        assertTrue(store.take(new SessionKey("www.lab.test", 8443, null), T0).isEmpty());
    }

    @Test
    void findReturnsTheNewestAndLeavesIt() {
        LruSessionStore store = new LruSessionStore(16);
        store.put(WWW, ticket("older", T0));
        store.put(WWW, ticket("newer", T0.plusSeconds(5)));

        assertEquals("newer", name(store.find(WWW, T0.plusSeconds(10)).orElseThrow()));
        assertEquals("newer", name(store.find(WWW, T0.plusSeconds(10)).orElseThrow()));
        assertEquals(2, store.size());
    }

    @Test
    void newestFirstEvenWhenPutOutOfOrder() {
        LruSessionStore store = new LruSessionStore(16);
        store.put(WWW, ticket("newer", T0.plusSeconds(5)));
        store.put(WWW, ticket("older", T0));

        assertEquals(List.of("newer", "older"), store.list(T0.plusSeconds(6)).stream()
                .map(entry -> name(entry.session())).toList());
    }

    @Test
    void takeIsSingleUseAndReturnsTheTicketsNewestFirst() {
        LruSessionStore store = new LruSessionStore(16);
        store.put(WWW, ticket("first", T0));
        store.put(WWW, ticket("second", T0.plusSeconds(1)));

        Instant later = T0.plusSeconds(2);
        assertEquals("second", name(store.take(WWW, later).orElseThrow()));
        assertEquals("first", name(store.take(WWW, later).orElseThrow()));
        assertTrue(store.take(WWW, later).isEmpty());
        assertTrue(store.find(WWW, later).isEmpty());
        assertEquals(0, store.size());
    }

    @Test
    void anExpiredEntryIsNeverReturnedAndIsDropped() {
        LruSessionStore store = new LruSessionStore(16);
        store.put(WWW, ticket("short", T0, Duration.ofSeconds(10)));
        store.put(WWW, ticket("long", T0.minusSeconds(1), Duration.ofSeconds(100)));

        assertEquals("short", name(store.find(WWW, T0.plusSeconds(9)).orElseThrow()));
        // At exactly created + lifetime the entry has expired (StoredSession.expiredAt).
        assertEquals("long", name(store.find(WWW, T0.plusSeconds(10)).orElseThrow()));
        assertEquals(1, store.size());
        assertTrue(store.take(WWW, T0.plusSeconds(200)).isEmpty());
        assertEquals(0, store.size());
    }

    @Test
    void listLeavesOutAndDropsExpiredEntriesOfEveryKey() {
        LruSessionStore store = new LruSessionStore(16);
        SessionKey api = new SessionKey("api.lab.test", 8443, "api.lab.test");
        store.put(WWW, ticket("www", T0, Duration.ofSeconds(10)));
        store.put(api, ticket("api", T0, Duration.ofSeconds(100)));

        List<Entry> entries = store.list(T0.plusSeconds(50));
        assertEquals(List.of(api), entries.stream().map(Entry::key).toList());
        assertEquals(1, store.size());
    }

    @Test
    void aZeroLifetimeIsNotKept() {
        LruSessionStore store = new LruSessionStore(16);
        store.put(WWW, ticket("zero", T0, Duration.ZERO));
        assertEquals(0, store.size());
    }

    @Test
    void aTls13TicketIsKeptForSevenDaysAtMost() {
        LruSessionStore store = new LruSessionStore(16);
        store.put(WWW, ticket("long", T0, Duration.ofDays(30)));
        assertEquals(Duration.ofDays(7), store.find(WWW, T0).orElseThrow().lifetime());
        assertTrue(store.find(WWW, T0.plus(Duration.ofDays(7))).isEmpty());
    }

    @Test
    void aTls12SessionIsKeptForSevenDaysAtMostWhateverItsLifetimeHint() {
        LruSessionStore store = new LruSessionStore(16);
        // RFC 5077's ticket_lifetime_hint is a uint32 of seconds: up to 136 years.
        store.put(WWW, new StoredSession("TLSv1.2", "ticket", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", null,
                new byte[] {7}, new byte[48], T0, Duration.ofSeconds(0xFFFF_FFFFL), 0, 0, null, true));
        assertEquals(Duration.ofDays(7), store.find(WWW, T0).orElseThrow().lifetime());
        assertTrue(store.find(WWW, T0.plus(Duration.ofDays(7))).isEmpty());
    }

    @Test
    void removingOneTls12SessionLeavesTheHostsTls13TicketsAlone() {
        LruSessionStore store = new LruSessionStore(16);
        StoredSession tls12 = new StoredSession("TLSv1.2", "session-id", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                new byte[] {1, 2, 3}, null, new byte[48], T0, Duration.ofHours(1), 0, 0, null, true);
        store.put(WWW, ticket("a", T0));
        store.put(WWW, tls12);
        store.put(WWW, ticket("b", T0));

        // A copy, as a client holds after find(): the store matches by content, not identity.
        store.remove(WWW, store.list(T0).stream().map(Entry::session).filter(s -> "TLSv1.2".equals(s.version()))
                .findFirst().orElseThrow());

        assertEquals(2, store.size());
        assertEquals(List.of("TLSv1.3", "TLSv1.3"), store.list(T0).stream().map(e -> e.session().version()).toList());
        assertEquals("b", name(store.take(WWW, T0).orElseThrow()));
        assertEquals("a", name(store.take(WWW, T0).orElseThrow()));
    }

    @Test
    void aSessionKeepsItsCertificateAndOnlyThenIsResumable() {
        LruSessionStore store = new LruSessionStore(16);
        SessionCertificate certificate = new SessionCertificate(List.of(new byte[] {0x30, 1}), null, "ECDHE", "pkix",
                "valid", T0);
        StoredSession without = ticket("bare", T0);
        StoredSession with = new StoredSession(without.version(), without.kind(), without.cipherSuite(), null,
                "kept".getBytes(StandardCharsets.US_ASCII), without.secret(), T0, Duration.ofHours(1), 0, 0, null, false,
                certificate);
        store.put(WWW, with);

        StoredSession found = store.find(WWW, T0).orElseThrow();
        assertTrue(found.resumable());
        assertArrayEquals(new byte[] {0x30, 1}, found.certificate().chain().get(0));
        assertEquals("pkix", found.certificate().validator());
        assertFalse(without.resumable(), "a session without its chain cannot be re-validated, so it is not resumable");
    }

    @Test
    void removeForgetsEveryEntryOfOneKeyOnly() {
        LruSessionStore store = new LruSessionStore(16);
        SessionKey api = new SessionKey("api.lab.test", 8443, "api.lab.test");
        store.put(WWW, ticket("a", T0));
        store.put(WWW, ticket("b", T0));
        store.put(api, ticket("api", T0));

        store.remove(WWW);
        assertTrue(store.find(WWW, T0).isEmpty());
        assertEquals("api", name(store.find(api, T0).orElseThrow()));
        assertEquals(1, store.size());
    }

    @Test
    void beyondCapacityTheLeastRecentlyUsedKeyLosesItsOldestEntry() {
        LruSessionStore store = new LruSessionStore(3);
        SessionKey a = new SessionKey("a.lab.test", 443, "a.lab.test");
        SessionKey b = new SessionKey("b.lab.test", 443, "b.lab.test");
        SessionKey c = new SessionKey("c.lab.test", 443, "c.lab.test");
        store.put(a, ticket("a1", T0));
        store.put(a, ticket("a2", T0.plusSeconds(1)));
        store.put(b, ticket("b1", T0));
        store.find(a, T0.plusSeconds(2)); // a is now used more recently than b

        store.put(c, ticket("c1", T0));
        assertEquals(3, store.size());
        assertTrue(store.find(b, T0.plusSeconds(2)).isEmpty(), "b was the least recently used");

        store.put(c, ticket("c2", T0.plusSeconds(1))); // a is now the least recently used
        assertEquals(List.of("c2", "c1", "a2"), store.list(T0.plusSeconds(3)).stream()
                .map(entry -> name(entry.session())).toList());
    }

    @Test
    void storedBytesAreCopiesSoWipingAReturnedSecretDoesNotWipeTheStoredOne() {
        LruSessionStore store = new LruSessionStore(4);
        StoredSession given = ticket("t", T0);
        store.put(WWW, given);
        Arrays.fill(given.secret(), (byte) 0);
        StoredSession found = store.find(WWW, T0).orElseThrow();
        Arrays.fill(found.secret(), (byte) 0);

        assertArrayEquals("secret-t".getBytes(StandardCharsets.US_ASCII), store.find(WWW, T0).orElseThrow().secret());
    }

    @Test
    void snapshotPutBackRebuildsTheSameStore() {
        LruSessionStore store = new LruSessionStore(3);
        SessionKey a = new SessionKey("a.lab.test", 443, "a.lab.test");
        SessionKey b = new SessionKey("b.lab.test", 443, "b.lab.test");
        store.put(a, ticket("a1", T0));
        store.put(b, ticket("b1", T0));
        store.find(a, T0);

        LruSessionStore copy = new LruSessionStore(3);
        for (Entry entry : store.snapshot()) {
            copy.put(entry.key(), entry.session());
        }
        copy.put(new SessionKey("c.lab.test", 443, "c.lab.test"), ticket("c1", T0));
        copy.put(new SessionKey("d.lab.test", 443, "d.lab.test"), ticket("d1", T0));
        assertTrue(copy.find(b, T0).isEmpty(), "b stayed the least recently used after the round trip");
        assertTrue(copy.find(a, T0).isPresent());
    }

    @Test
    void changesCountsEveryModificationAndOnlyThose() {
        LruSessionStore store = new LruSessionStore(4);
        long start = store.changes();
        store.find(WWW, T0);
        assertEquals(start, store.changes());
        store.put(WWW, ticket("t", T0, Duration.ofSeconds(1)));
        assertTrue(store.changes() > start);
        long afterPut = store.changes();
        store.find(WWW, T0.plusSeconds(5)); // expires it
        assertTrue(store.changes() > afterPut);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LruSessionStore(0));
        assertTrue(e.getMessage().contains("capacity"));
    }

    @Test
    void concurrentPutsAndTakesNeverLoseCountOrHandATicketOutTwice() throws Exception {
        LruSessionStore store = new LruSessionStore(10_000);
        int threads = 8;
        int perThread = 500;
        for (int i = 0; i < threads * perThread; i++) {
            store.put(WWW, ticket("t" + i, T0.plusMillis(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> taken = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                taken.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(name(store.take(WWW, T0).orElseThrow()));
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : taken) {
                all.addAll(f.get(5, TimeUnit.SECONDS));
            }
            assertEquals(threads * perThread, all.stream().distinct().count());
            assertEquals(0, store.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
