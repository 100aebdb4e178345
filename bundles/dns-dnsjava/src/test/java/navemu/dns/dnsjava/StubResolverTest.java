package navemu.dns.dnsjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Rcode;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.api.trace.NetworkWait;
import navemu.api.trace.StepTrace;
import navemu.api.dns.ZoneServer;

@Timeout(30)
class StubResolverTest {

    private TestDnsServer server;
    private ExecutorService executor;
    private MutableClock clock;

    /** A clock the test moves by hand, so TTL expiry needs no sleeping. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @BeforeEach
    void start() throws IOException {
        server = new TestDnsServer("lab.test");
        executor = Executors.newCachedThreadPool();
        clock = new MutableClock();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        executor.shutdownNow();
    }

    private ZoneServer zone() {
        return new ZoneServer() {
            @Override public String zone() { return "lab.test"; }
            @Override public InetSocketAddress address() { return server.address(); }
        };
    }

    private StubResolver resolver(Duration timeout) {
        // The "system" resolver list is unreachable on purpose: a test must never leave loopback.
        return new StubResolver(new ServerRoute(() -> List.of(zone()), List.of(), "no system resolvers (test)"),
                new DnsTransport(timeout, 1), new DnsCache(clock, Duration.ofDays(1)), AddressOrder.IPV6_FIRST, executor);
    }

    private StubResolver resolver() {
        return resolver(Duration.ofSeconds(2));
    }

    @Test
    void aAaaaAndHttpsAreAskedInOneRoundAndTheHttpsPortAndAlpnAreReturned() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1").aaaa("www.lab.test", 300, "::1")
                .https("www.lab.test", 300, 8443, "h2", "http/1.1");
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver().resolve("www.lab.test", trace);

        assertEquals(List.of(InetAddress.getByName("::1"), InetAddress.getByName("127.0.0.1")), answer.addresses());
        assertEquals(8443, answer.port());
        assertEquals(List.of("h2", "http/1.1"), answer.alpn());
        assertTrue(answer.portSource().contains("HTTPS RR of www.lab.test"), answer.portSource());
        assertFalse(answer.fromCache());
        assertEquals(1, trace.roundTrips.size(), "three parallel queries are one round trip");
        assertEquals(3, server.udpQueries.get());
        assertEquals(3, trace.received.size());
        assertTrue(trace.received.get(0).get("answers").contains("www.lab.test. 300 A 127.0.0.1"), trace.text());
        assertEquals("NOERROR", trace.received.get(0).get("rcode"));
        assertTrue(trace.threads.stream().allMatch(t -> t.equals(Thread.currentThread().getName())),
                "the trace is written on the caller's thread only: " + trace.threads);
    }

    /**
     * The network part of a DNS step is the socket's wait (and the emulated link's delay), never
     * the parse of the answer: a cold first query spends milliseconds loading and running the
     * parser, which the step must show as local work, over UDP and over TCP alike.
     */
    @Test
    void answersAreParsedWithNoNetworkWaitOpenOverUdpAndTcp() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1").https("www.lab.test", 300, 8443, "http/1.1");
        Map<Thread, Integer> openWaits = new ConcurrentHashMap<>();
        List<String> waitsOpenWhileParsing = new CopyOnWriteArrayList<>();
        List<String> parsed = new CopyOnWriteArrayList<>();
        DnsTransport.ResponseParser watching = (bytes, length, query, from, roundTrips) -> {
            parsed.add(from);
            int open = openWaits.getOrDefault(Thread.currentThread(), 0);
            if (open > 0) {
                waitsOpenWhileParsing.add(from + ": " + open + " wait(s) open");
            }
            return ResponseCheck.parse(bytes, length, query, from, roundTrips);
        };
        StepTrace trace = new StepTrace() {
            @Override public void info(String text) { }
            @Override public void sent(String message, int length, Map<String, String> fields) { }
            @Override public void received(String message, int length, Map<String, String> fields) { }
            @Override public void secret(String label, String hex) { }
            @Override public void roundTrip(String why) { }
            @Override public void detail(String key, Object value) { }
            @Override public NetworkWait networkWait() {
                Thread thread = Thread.currentThread();
                openWaits.merge(thread, 1, Integer::sum);
                return () -> openWaits.merge(thread, -1, Integer::sum);
            }
        };
        StubResolver resolver = new StubResolver(new ServerRoute(() -> List.of(zone()), List.of(), "no system resolvers (test)"),
                new DnsTransport(Duration.ofSeconds(2), 1, watching), new DnsCache(clock, Duration.ofDays(1)),
                AddressOrder.IPV6_FIRST, executor);

        assertEquals(8443, resolver.resolve("www.lab.test", trace).port());
        server.behaviour = TestDnsServer.Behaviour.TRUNCATE_UDP;
        resolver.flush();
        assertEquals(8443, resolver.resolve("www.lab.test", trace).port());

        assertTrue(parsed.stream().anyMatch(f -> f.startsWith("udp")) && parsed.stream().anyMatch(f -> f.startsWith("tcp")),
                "answers came over both transports: " + parsed);
        assertEquals(List.of(), waitsOpenWhileParsing, "a parse counted as network time");
        assertTrue(openWaits.values().stream().allMatch(n -> n == 0), "every wait was closed: " + openWaits);
    }

    @Test
    void aSecondResolveComesFromTheCacheWithTheTtlCountedDown() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1");
        StubResolver resolver = resolver();
        resolver.resolve("www.lab.test", new RecordingTrace());
        int queriesAfterFirst = server.queries();
        clock.now = clock.now.plusSeconds(20);

        RecordingTrace trace = new RecordingTrace();
        DnsAnswer again = resolver.resolve("www.lab.test", trace);

        assertTrue(again.fromCache());
        assertEquals(queriesAfterFirst, server.queries(), "no query left the machine");
        assertEquals(0, trace.roundTrips.size());
        assertTrue(trace.text().contains("280 s of TTL left"), trace.text());
    }

    @Test
    void acrossAnEmulatedLinkEachQueryRoundTakesAtLeastTheRoundTripTime() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1");
        StubResolver resolver = resolver();
        RecordingTrace trace = new RecordingTrace();

        long start = System.nanoTime();
        resolver.resolve("www.lab.test", java.time.Duration.ofMillis(50), trace);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(tookMs >= 100, "50 ms each way makes at least 100 ms, took " + tookMs);
        assertEquals(1, trace.roundTrips.size(), "the parallel queries are still one round trip");
        assertTrue(trace.text().contains("emulated link"), trace.text());
    }

    @Test
    void theCacheCanBeListedAndFlushed() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1");
        StubResolver resolver = resolver();
        resolver.resolve("www.lab.test", new RecordingTrace());
        clock.now = clock.now.plusSeconds(20);

        java.util.List<String> entries = resolver.entries();
        assertTrue(entries.stream().anyMatch(e -> e.contains("www.lab.test") && e.contains("280 s left")), entries.toString());

        assertEquals(entries.size(), resolver.flush());
        assertTrue(resolver.entries().isEmpty());
        assertFalse(resolver.resolve("www.lab.test", new RecordingTrace()).fromCache(), "after a flush the name is asked again");
    }

    @Test
    void aPrivateCacheStartsEmptyAndNeverSharesEntriesWithTheResolversOwn() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1");
        StubResolver shared = resolver();
        shared.resolve("www.lab.test", new RecordingTrace());
        StubResolver own = shared.withPrivateCache();

        assertTrue(own.entries().isEmpty(), "a scope's cache starts empty: " + own.entries());
        assertFalse(own.resolve("www.lab.test", new RecordingTrace()).fromCache(), "the shared answer is not seen");
        assertTrue(own.resolve("www.lab.test", new RecordingTrace()).fromCache(), "its own answer is kept");
        assertEquals(shared.entries().size(), own.flush());
        assertFalse(shared.entries().isEmpty(), "flushing the private cache leaves the shared one");
    }

    @Test
    void anExpiredEntryIsAskedAgain() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1");
        StubResolver resolver = resolver();
        resolver.resolve("www.lab.test", new RecordingTrace());
        clock.now = clock.now.plusSeconds(301);
        DnsAnswer again = resolver.resolve("www.lab.test", new RecordingTrace());
        assertFalse(again.fromCache());
    }

    @Test
    void nxdomainIsNameNotResolvedAndIsCachedForTheSoaMinimum() throws Exception {
        server.soaTtl = 60;
        server.soaMinimum = 30;
        StubResolver resolver = resolver();
        NavigationException first = assertThrows(NavigationException.class,
                () -> resolver.resolve("nosuch.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, first.error());
        assertTrue(first.getMessage().contains("NXDOMAIN"), first.getMessage());
        int queries = server.queries();

        clock.now = clock.now.plusSeconds(29);
        NavigationException cached = assertThrows(NavigationException.class,
                () -> resolver.resolve("nosuch.lab.test", new RecordingTrace()));
        assertTrue(cached.getMessage().contains("cached, RFC 2308"), cached.getMessage());
        assertEquals(queries, server.queries(), "the negative answer came from the cache");

        clock.now = clock.now.plusSeconds(2);
        assertThrows(NavigationException.class, () -> resolver.resolve("nosuch.lab.test", new RecordingTrace()));
        assertTrue(server.queries() > queries, "min(SOA TTL 60, MINIMUM 30) = 30 s have passed: asked again");
    }

    @Test
    void aNameWithNoAddressRecordsIsNotResolved() throws Exception {
        server.https("bare.lab.test", 300, 443, "h2");
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver().resolve("bare.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
        assertTrue(e.getMessage().contains("NODATA"), e.getMessage());
    }

    @Test
    void aTruncatedUdpAnswerIsAskedAgainOverTcp() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1");
        server.behaviour = TestDnsServer.Behaviour.TRUNCATE_UDP;
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver().resolve("www.lab.test", trace);
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), answer.addresses());
        assertEquals(3, server.tcpQueries.get());
        assertEquals("tcp", trace.received.get(0).get("transport"));
        assertTrue(trace.text().contains("truncated"), trace.text());
        assertEquals(3, trace.roundTrips.size(), "UDP, then the TCP handshake, then the TCP query");
    }

    @Test
    void serverFailureIsNameResolutionFailedAndIsNotCached() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1");
        server.behaviour = TestDnsServer.Behaviour.SERVFAIL;
        StubResolver resolver = resolver();
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver.resolve("www.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("SERVFAIL"), e.getMessage());
        server.behaviour = TestDnsServer.Behaviour.NORMAL;
        assertFalse(resolver.resolve("www.lab.test", new RecordingTrace()).fromCache());
    }

    @Test
    void answerRecordsAreUsedOnlyFromNoerrorResponses() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.1").aaaa("www.lab.test", 300, "::1");
        server.behaviour = TestDnsServer.Behaviour.ANSWER_WITH_RCODE;
        // NXDOMAIN says the name does not exist; the others say this server could not answer. 12 is unassigned.
        int[][] cases = {{Rcode.NXDOMAIN, 1}, {Rcode.SERVFAIL, 0}, {Rcode.REFUSED, 0}, {Rcode.NOTIMP, 0}, {12, 0}};
        for (int[] c : cases) {
            server.forcedRcode = c[0];
            NavigationException e = assertThrows(NavigationException.class,
                    () -> resolver().resolve("www.lab.test", new RecordingTrace()),
                    Rcode.string(c[0]) + " with answer records must not resolve");
            assertEquals(c[1] == 1 ? NetError.ERR_NAME_NOT_RESOLVED : NetError.ERR_NAME_RESOLUTION_FAILED, e.error(),
                    Rcode.string(c[0]) + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(Rcode.string(c[0])), e.getMessage());
        }
    }

    @Test
    void aServerThatRefusesIsSkippedForTheNextOneAndItsRecordsAreNotUsed() throws Exception {
        server.a("www.lab.test", 300, "127.0.0.66");
        server.behaviour = TestDnsServer.Behaviour.ANSWER_WITH_RCODE;
        server.forcedRcode = Rcode.REFUSED;
        try (TestDnsServer second = new TestDnsServer("lab.test")) {
            second.a("www.lab.test", 300, "127.0.0.1");
            StubResolver resolver = new StubResolver(
                    new ServerRoute(List::of, List.of(server.address(), second.address()), "two test servers"),
                    new DnsTransport(Duration.ofSeconds(2), 1), new DnsCache(clock, Duration.ofDays(1)),
                    AddressOrder.IPV6_FIRST, executor);
            RecordingTrace trace = new RecordingTrace();
            DnsAnswer answer = resolver.resolve("www.lab.test", trace);
            assertEquals(List.of(InetAddress.getByName("127.0.0.1")), answer.addresses());
            assertTrue(trace.text().contains("answered REFUSED; trying the next server"), trace.text());
        }
    }

    @Test
    void aSilentServerTimesOutAfterOneRetryWithNameResolutionFailed() throws Exception {
        server.behaviour = TestDnsServer.Behaviour.SILENT;
        RecordingTrace trace = new RecordingTrace();
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver(Duration.ofMillis(200)).resolve("www.lab.test", trace));
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("2 UDP attempt(s)"), e.getMessage());
        assertEquals(6, server.udpQueries.get(), "three questions, each sent twice");
        assertEquals(2, trace.roundTrips.size());
    }

    @Test
    void garbageIsRejectedAsMalformedWithTheReason() throws Exception {
        server.behaviour = TestDnsServer.Behaviour.GARBAGE;
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver().resolve("www.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("malformed") && e.getMessage().contains("does not parse"), e.getMessage());
    }

    @Test
    void anAnswerToAnotherQuestionIsRejected() throws Exception {
        server.behaviour = TestDnsServer.Behaviour.WRONG_QUESTION;
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver().resolve("www.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("other.example. A instead of www.lab.test. A"), e.getMessage());
    }

    @Test
    void cnamesAreFollowedToTheRecordsOfTheTarget() throws Exception {
        org.xbill.DNS.Name alias = org.xbill.DNS.Name.fromString("alias.lab.test.");
        org.xbill.DNS.Name target = org.xbill.DNS.Name.fromString("www.lab.test.");
        // The answer section as a recursive server sends it: the CNAME, then the target's A, plus a stray record.
        org.xbill.DNS.Message response = new org.xbill.DNS.Message();
        response.addRecord(new org.xbill.DNS.CNAMERecord(alias, org.xbill.DNS.DClass.IN, 600, target),
                org.xbill.DNS.Section.ANSWER);
        response.addRecord(new org.xbill.DNS.ARecord(target, org.xbill.DNS.DClass.IN, 120,
                InetAddress.getByName("127.0.0.1")), org.xbill.DNS.Section.ANSWER);
        response.addRecord(new org.xbill.DNS.ARecord(org.xbill.DNS.Name.fromString("evil.example."),
                org.xbill.DNS.DClass.IN, 120, InetAddress.getByName("127.0.0.66")), org.xbill.DNS.Section.ANSWER);

        List<org.xbill.DNS.Record> chain = AnswerChain.follow(response, alias, org.xbill.DNS.Type.A);

        assertEquals(2, chain.size(), "the CNAME and the target's A; the stray record is not trusted");
        assertEquals(org.xbill.DNS.Type.CNAME, chain.get(0).getType());
        assertEquals(InetAddress.getByName("127.0.0.1"), ((org.xbill.DNS.ARecord) chain.get(1)).getAddress());
    }

    @Test
    void ipLiteralsResolveToThemselvesWithoutAQuery() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer v4 = resolver().resolve("127.0.0.1", trace);
        DnsAnswer v6 = resolver().resolve("[::1]", new RecordingTrace());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), v4.addresses());
        assertEquals(List.of(InetAddress.getByName("::1")), v6.addresses());
        assertEquals(0, server.queries());
        assertNull(v4.port());
        assertTrue(trace.text().contains("IP literal"));
    }

    @Test
    void aNameOutsideEveryZoneWithNoSystemResolverFailsClearly() {
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver().resolve("example.com", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("no DNS server"), e.getMessage());
    }

    @Test
    void anInvalidNameIsRejectedWithTheReason() {
        String tooLong = "a".repeat(64) + ".lab.test";
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver().resolve(tooLong, new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
        assertTrue(e.getMessage().contains("not a valid DNS name"), e.getMessage());
    }
}
