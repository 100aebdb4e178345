package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import navemu.api.hsts.HstsStore;
import navemu.api.nav.Composition;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.session.SessionStore;
import navemu.api.tls.TlsClient;
import navemu.api.trace.StepTrace;

/**
 * The background warm-up runs the active tls slot over a real loopback connection, touches none
 * of the user's hsts, dns or session state, lets a navigation wait for it, and stops when
 * deactivated. Latches, not sleeps, order the threads.
 */
@Timeout(20)
class PrewarmTest {
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private final AtomicInteger userStateTouched = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final CountDownLatch inHandshake = new CountDownLatch(1);
    private final CountDownLatch finishHandshake = new CountDownLatch(1);
    private LoopbackHttpServer server;
    private Prewarm prewarm;

    @BeforeEach
    void setUp() throws IOException {
        server = new LoopbackHttpServer(path -> null); // accepts, never answers
        composition.services.put(Slot.DNS, (DnsResolver) (String host, StepTrace trace) -> {
            userStateTouched.incrementAndGet();
            throw new NavigationException(NetError.ERR_NAME_NOT_RESOLVED, "the user's resolver");
        });
        composition.services.put(Slot.HSTS, touchCounting(HstsStore.class));
        composition.services.put(Slot.SESSION, touchCounting(SessionStore.class));
        composition.services.put(Slot.TCP, new TestSlots.PlainTcp());
        composition.services.put(Slot.CERT, TestSlots.NO_CERTS);
        composition.services.put(Slot.TLS, (TlsClient) (request, connection, context, trace) -> {
            handshakes.incrementAndGet();
            context.sessions().find(null, Instant.now()); // a TLS client asks the session slot it was given
            inHandshake.countDown();
            try {
                finishHandshake.await(10, TimeUnit.SECONDS);
                connection.input().read(); // blocked on the network until the warm-up is cancelled or the test ends
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "test TLS slot");
        });
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        prewarm = new Prewarm(composition, List.of(ports));
    }

    /** A slot whose every method call counts as touching the user's state. */
    private <T> T touchCounting(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? proxy == args[0] : method.getName().equals("hashCode")
                        ? System.identityHashCode(proxy) : type.getSimpleName();
            }
            userStateTouched.incrementAndGet();
            throw new IllegalStateException("the warm-up used the user's " + type.getSimpleName());
        }));
    }

    @AfterEach
    void tearDown() throws IOException {
        finishHandshake.countDown();
        prewarm.deactivate();
        server.close();
    }

    @Test
    void theWarmUpRunsTheActiveTlsSlotAndTouchesNoUserState() throws Exception {
        prewarm.run();
        assertTrue(inHandshake.await(10, TimeUnit.SECONDS), "the warm-up reached the tls slot");
        assertFalse(prewarm.done(), "still warming up");

        finishHandshake.countDown();
        prewarm.deactivate(); // cancels: the blocked read sees its connection closed

        assertTrue(prewarm.done(), "cancelled cleanly");
        assertEquals(1, handshakes.get(), "after a cancel no further warm-up navigation starts");
        assertEquals(0, userStateTouched.get(), "no lookup or write in the user's hsts, dns or session slots");
    }

    @Test
    void aNavigationWaitsForARunningWarmUpAndNotForOneNeverStarted() throws Exception {
        Prewarm idle = new Prewarm(composition, List.of());
        idle.awaitIdle(Duration.ofSeconds(10)); // returns at once: nothing was started
        assertFalse(idle.done());

        prewarm.run();
        assertTrue(inHandshake.await(10, TimeUnit.SECONDS));
        Thread navigation = new Thread(() -> prewarm.awaitIdle(Duration.ofSeconds(15)));
        navigation.start();
        navigation.join(200);
        assertTrue(navigation.isAlive(), "the navigation waits while the warm-up runs");

        finishHandshake.countDown();
        prewarm.deactivate(); // the warm-up ends (cancelled), and the navigation goes on
        navigation.join(15_000);

        assertFalse(navigation.isAlive());
        assertTrue(prewarm.done());
    }

    @Test
    void aFirstNavigationThatNothingWarmedUpForStartsTheWarmUpAndWaitsForIt() throws Exception {
        // A batch run: no prompt started the warm-up, so the first user navigation does.
        Thread navigation = new Thread(() -> prewarm.beforeUserNavigation(Duration.ofSeconds(15)));
        navigation.start();
        assertTrue(inHandshake.await(10, TimeUnit.SECONDS), "the navigation started the warm-up");
        navigation.join(200);
        assertTrue(navigation.isAlive(), "and waits while it runs");

        finishHandshake.countDown();
        prewarm.deactivate();
        navigation.join(15_000);

        assertFalse(navigation.isAlive());
        assertTrue(prewarm.done());
        assertEquals(0, userStateTouched.get(), "no lookup or write in the user's hsts, dns or session slots");
    }

    @Test
    void switchedOffTheWarmUpIsNeitherStartedNorWaitedFor() {
        prewarm.switchOff();

        prewarm.run();
        prewarm.beforeUserNavigation(Duration.ofSeconds(15));

        assertEquals(0, handshakes.get(), "no warm-up navigation");
        assertFalse(prewarm.done(), "never started");
    }

    /** A resolver with a cache; each name it is asked goes into {@code asked}, with which copy was asked. */
    private static final class CachingResolver implements DnsResolver, DnsCache {
        final List<String> asked;
        final AtomicInteger privateCopies = new AtomicInteger();
        private final String label;

        CachingResolver(String label, List<String> asked) {
            this.label = label;
            this.asked = asked;
        }

        @Override public DnsAnswer resolve(String host, StepTrace trace) {
            asked.add(label + " " + host);
            return DnsAnswer.of(List.of(java.net.InetAddress.getLoopbackAddress()), false);
        }
        @Override public List<String> entries() { return List.of(); }
        @Override public int flush() { return 0; }
        @Override public DnsResolver withPrivateCache() {
            privateCopies.incrementAndGet();
            return new CachingResolver("private", asked);
        }
    }

    @Test
    void theWarmUpResolvesThroughAPrivateCopyOfTheUsersResolverAndNeverItsCache() throws Exception {
        CachingResolver user = new CachingResolver("shared", new java.util.concurrent.CopyOnWriteArrayList<>());
        composition.services.put(Slot.DNS, user);
        prewarm.run();
        assertTrue(inHandshake.await(10, TimeUnit.SECONDS), "the warm-up reached the tls slot");
        finishHandshake.countDown();
        prewarm.deactivate();

        assertEquals(List.of("private " + Prewarm.HOST), user.asked,
                "the lab's name was resolved by the user's resolver code, in a private cache");
        assertTrue(user.privateCopies.get() >= 1);
        assertEquals(0, userStateTouched.get(), "no lookup or write in the user's hsts or session slots");
    }

    @Test
    void theBrowserTlsClientIsWarmedUpToWhenAnotherClientIsActive() throws Exception {
        AtomicInteger browserHandshakes = new AtomicInteger();
        TlsClient browser = (request, connection, context, trace) -> {
            browserHandshakes.incrementAndGet();
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "test browser client");
        };
        finishHandshake.countDown(); // the active client's handshakes fail at once
        composition.services.put(Slot.TLS, (TlsClient) (request, connection, context, trace) -> {
            handshakes.incrementAndGet();
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "test TLS slot");
        });
        Composition withBrowser = new Composition() {
            @Override public List<String> implementations(Slot slot) {
                return slot == Slot.TLS ? List.of("test", Prewarm.BROWSER_TLS) : composition.implementations(slot);
            }
            @Override public Map<Slot, String> active() { return composition.active(); }
            @Override public void use(Slot slot, String impl) { }
            @Override public <T> Optional<T> service(Slot slot, String impl, Class<T> type) {
                return slot == Slot.TLS && Prewarm.BROWSER_TLS.equals(impl) ? Optional.of(type.cast(browser))
                        : composition.service(slot, impl, type);
            }
            @Override public Optional<String> problem(Slot slot) { return Optional.empty(); }
        };
        Prewarm warming = new Prewarm(withBrowser, List.of((host, scheme) -> Optional.of(new PortHint(server.port(), "test"))));
        warming.run();
        warming.awaitIdle(Duration.ofSeconds(15));

        assertTrue(warming.done(), "the warm-up ran to its end");
        assertEquals(1, browserHandshakes.get(), "one navigation through the browser client");
        assertEquals(2, handshakes.get(), "and the active client's own navigations");
    }
}
