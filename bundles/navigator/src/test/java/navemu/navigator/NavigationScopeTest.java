package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsCache;
import navemu.api.dns.DnsResolver;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.NavigationScope;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.session.PrivateSessionStores;
import navemu.api.session.SessionStore;
import navemu.api.trace.StepTrace;
import navemu.api.trace.TraceEvent;

/**
 * A navigation with a {@link NavigationScope} resolves with the scope's own DNS cache and hands the
 * TLS slot the scope's own session store; without one it uses the shared services. Navigations in
 * the same scope share its state, navigations in different scopes never do.
 */
@Timeout(20)
class NavigationScopeTest {

    /** A resolver with a cache: each private copy is a new instance, so the test sees which one answered. */
    static final class CachingDns implements DnsResolver, DnsCache {
        final List<CachingDns> copies = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
            asked.add(host);
            try {
                return DnsAnswer.of(List.of(InetAddress.getByName("127.0.0.1")), false);
            } catch (IOException e) {
                throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, e.getMessage());
            }
        }

        @Override public List<String> entries() { return List.copyOf(asked); }
        @Override public int flush() { int n = asked.size(); asked.clear(); return n; }

        @Override
        public DnsResolver withPrivateCache() {
            CachingDns copy = new CachingDns();
            copies.add(copy);
            return copy;
        }
    }

    /** A session store that can make private stores; each is a new instance. */
    static final class ScopableSessions implements SessionStore, PrivateSessionStores {
        private final TestSlots.NoSessions entries = new TestSlots.NoSessions();

        @Override public Optional<navemu.api.session.StoredSession> find(navemu.api.session.SessionKey k, java.time.Instant n) { return entries.find(k, n); }
        @Override public Optional<navemu.api.session.StoredSession> take(navemu.api.session.SessionKey k, java.time.Instant n) { return entries.take(k, n); }
        @Override public void put(navemu.api.session.SessionKey k, navemu.api.session.StoredSession s) { }
        @Override public void remove(navemu.api.session.SessionKey k) { }
        @Override public List<Entry> list(java.time.Instant n) { return List.of(); }
        @Override public void clear() { }
        @Override public SessionStore newPrivateStore() { return new TestSlots.NoSessions(); }
    }

    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private final CachingDns dns = new CachingDns();
    private final ScopableSessions sessions = new ScopableSessions();
    /** The session store each TLS handshake was given, in order. */
    private final List<SessionStore> storesSeen = new ArrayList<>();
    private LoopbackHttpServer server;
    private BrowserNavigator navigator;

    @BeforeEach
    void setUp() throws IOException {
        server = new LoopbackHttpServer(path -> LoopbackHttpServer.ok("hello"));
        composition.services.put(Slot.DNS, dns);
        composition.services.put(Slot.TCP, new TestSlots.PlainTcp());
        composition.services.put(Slot.HSTS, new TestSlots.MapHsts());
        composition.services.put(Slot.TLS, (navemu.api.tls.TlsClient) (request, connection, context, trace) -> {
            storesSeen.add(context.sessions());
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "test TLS slot: records its context only");
        });
        composition.services.put(Slot.CERT, TestSlots.NO_CERTS);
        composition.services.put(Slot.SESSION, sessions);
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        navigator = new BrowserNavigator(composition, List.of(ports));
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private NavigationResult open(String url, NavigationScope scope, List<TraceEvent> events) {
        return navigator.navigate(NavigationRequest.of(url).withTimeout(Duration.ofSeconds(2)).withScope(scope)
                .withListener(events::add));
    }

    private static boolean said(List<TraceEvent> events, String text) {
        return events.stream().anyMatch(e -> e.kind() == TraceEvent.Kind.INFO && e.text().contains(text));
    }

    @Test
    void aScopedNavigationResolvesWithTheScopesOwnCacheAndSaysSo() {
        NavigationScope left = NavigationScope.isolated("left");
        List<TraceEvent> events = new ArrayList<>();

        NavigationResult r = open("http://www.test/", left, events);

        assertTrue(r.ok, r.errorMessage);
        assertEquals(List.of(), dns.asked, "the shared resolver's cache is not used");
        assertEquals(1, dns.copies.size());
        assertEquals(List.of("www.test"), dns.copies.get(0).asked);
        assertEquals("left", r.steps.get(1).detail.get("scope"));
        assertTrue(said(events, "this navigation's own DNS cache (scope left), not the shared one"), events.toString());
    }

    @Test
    void navigationsInOneScopeShareItsStateAndAnotherScopeStartsAfresh() {
        NavigationScope left = NavigationScope.isolated("left");
        NavigationScope right = NavigationScope.isolated("right");

        open("https://www.test/", left, new ArrayList<>());
        open("https://www.test/", left, new ArrayList<>());
        open("https://www.test/", right, new ArrayList<>());
        open("https://www.test/", null, new ArrayList<>());

        assertEquals(2, dns.copies.size(), "one private cache per scope");
        assertEquals(List.of("www.test", "www.test"), dns.copies.get(0).asked, "left's two visits share its cache");
        assertEquals(List.of("www.test"), dns.copies.get(1).asked);
        assertEquals(List.of("www.test"), dns.asked, "only the unscoped navigation used the shared resolver");

        assertEquals(4, storesSeen.size());
        assertSame(storesSeen.get(0), storesSeen.get(1), "left's visits share its session store");
        assertNotSame(storesSeen.get(0), storesSeen.get(2), "right never sees left's sessions");
        assertNotSame(sessions, storesSeen.get(0));
        assertNotSame(sessions, storesSeen.get(2));
        assertSame(sessions, storesSeen.get(3), "without a scope the shared session slot is used");
    }

    @Test
    void aResolverWithoutACacheAndAStoreThatKeepsNothingAreUsedAsTheyAreAndTheTraceSaysSo() {
        TestSlots.MapDns plain = new TestSlots.MapDns();
        plain.hosts.put("www.test", "127.0.0.1");
        TestSlots.NoSessions off = new TestSlots.NoSessions();
        composition.services.put(Slot.DNS, plain);
        composition.services.put(Slot.SESSION, off);
        List<TraceEvent> events = new ArrayList<>();

        open("https://www.test/", NavigationScope.isolated("left"), events);

        assertSame(off, storesSeen.get(0));
        assertTrue(said(events, "nothing to isolate in scope left: its resolver keeps no cache"), events.toString());
        assertTrue(said(events, "nothing to isolate in scope left: the session store keeps nothing"), events.toString());
    }
}
