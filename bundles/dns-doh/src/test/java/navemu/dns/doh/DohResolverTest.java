package navemu.dns.doh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.lab.LabWorld;

/**
 * The DoH resolver against the lab's DoH endpoint (real HTTPS on loopback, the lab root as the only
 * anchor), found the way the OSGi component finds it: the URL without a port, bootstrapped
 * through the lab's DNS server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DohResolverTest {

    private static final URI LAB_DOH = URI.create("https://doh.lab.test/dns-query");

    private static Path home;
    private static LabWorld lab;
    private static ExecutorService executor;
    /**
     * One transport per timeout for the whole class, as the component has one: each keeps its
     * HTTP/1.1 connections alive, and the lab's origin serves at most 16 connections at a time.
     */
    private static final Map<Duration, DohTransport> transports = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startLab() throws Exception {
        home = Files.createTempDirectory("navemu-doh-test");
        lab = LabWorld.start(home, Path.of("../../config"));
        // A cold CA makes the slow RSA keys first; the DoH site's certificate may still be in the making.
        lab.awaitCertificates(Duration.ofMinutes(3));
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "doh test");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopLab() {
        lab.close();
        executor.shutdownNow();
    }

    private static DohResolver resolver(DohMethod method, Duration timeout, URI publicUrl, List<X509Certificate> anchors) {
        List<ZoneDoh> zones = List.of(new ZoneDoh(LabWorld.ZONE, lab.dnsAddress(), LAB_DOH));
        return new DohResolver(() -> zones, publicUrl, () -> anchors, method, transports.computeIfAbsent(timeout, t -> new DohTransport(t, executor)),
                new DohBootstrap(timeout), executor);
    }

    private static DohResolver resolver(DohMethod method) {
        return resolver(method, Duration.ofSeconds(5), null, List.of(lab.rootCertificate()));
    }

    private static NavigationException failure(DohResolver resolver, String host) {
        return assertThrows(NavigationException.class, () -> resolver.resolve(host, new RecordingTrace()));
    }

    @Test
    void postResolvesALabNameWithThePortOfItsHttpsRecordInOneRoundTrip() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver(DohMethod.POST).resolve("www.lab.test", trace);
        assertEquals("127.0.0.1", answer.addresses().get(0).getHostAddress());
        assertEquals(lab.port("www.lab.test"), answer.port());
        assertTrue(answer.portSource().startsWith("HTTPS RR of www.lab.test"), answer.portSource());
        assertEquals(List.of("h2", "http/1.1"), answer.alpn(), "www is served by BoringSSL with HTTP/2");
        assertEquals(1, trace.roundTrips.stream().filter(r -> !r.startsWith("bootstrap")).count(),
                "the three queries go in parallel: " + trace.roundTrips);
        assertEquals(2, trace.roundTrips.stream().filter(r -> r.startsWith("bootstrap")).count(), "A and HTTPS of doh.lab.test");
        assertEquals(3, trace.sent.size());
        assertEquals(3, trace.received.size());
        Map<String, String> a = trace.received.get(0);
        assertEquals("200", a.get("status"));
        assertEquals("NOERROR", a.get("rcode"));
        assertTrue(a.get("records").contains("www.lab.test. 60 A 127.0.0.1"), a.get("records"));
        assertEquals("max-age=60", a.get("cacheControl"));
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("bootstrapped from the lab.test DNS server")
                && i.contains("port from its HTTPS record")), trace.infos.toString());
        assertEquals("POST", trace.details.get("method"));
    }

    @Test
    void getGivesTheSameAddressesAndPort() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer get = resolver(DohMethod.GET).resolve("resume.lab.test", trace);
        DnsAnswer post = resolver(DohMethod.POST).resolve("resume.lab.test", new RecordingTrace());
        assertEquals(post.addresses(), get.addresses());
        assertEquals(post.port(), get.port());
        assertTrue(trace.sent.get(0).contains("?dns="), trace.sent.get(0));
        assertTrue(trace.sent.get(0).startsWith("DoH GET A query"), trace.sent.get(0));
    }

    @Test
    void aNameThatDoesNotExistIsErrNameNotResolved() {
        NavigationException e = failure(resolver(DohMethod.POST), "nosuch.lab.test");
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
        assertTrue(e.getMessage().contains("NXDOMAIN"), e.getMessage());
    }

    @Test
    void anHttpErrorFromTheServerIsErrNameResolutionFailed() {
        NavigationException e = failure(resolver(DohMethod.POST), "http-error.bad.lab.test");
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    }

    @Test
    void servfailIsErrNameResolutionFailed() {
        NavigationException e = failure(resolver(DohMethod.GET), "servfail.bad.lab.test");
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("SERVFAIL"), e.getMessage());
    }

    @Test
    void aServerSlowerThanTheTimeoutIsErrNameResolutionFailed() {
        NavigationException e = failure(resolver(DohMethod.POST, Duration.ofMillis(800), null, List.of(lab.rootCertificate())),
                "slow.bad.lab.test");
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("no response within 800 ms"), e.getMessage());
    }

    @Test
    void aMalformedAnswerIsRejectedWithTheReason() {
        NavigationException e = failure(resolver(DohMethod.POST), "malformed.bad.lab.test");
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("malformed DNS message"), e.getMessage());
    }

    @Test
    void aNameOutsideTheZonesWithNoPublicUrlSaysNoDohServerIsConfigured() {
        NavigationException e = failure(resolver(DohMethod.POST), "example.com");
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("no DoH server is configured for example.com"), e.getMessage());
    }

    @Test
    void otherNamesGoToTheConfiguredUrlWhoseCertificateMustNameIt() {
        // The lab's DoH server reached by IP: its certificate names doh.lab.test, not 127.0.0.1 (RFC 2818 §3.1).
        URI byAddress = URI.create("https://127.0.0.1:" + lab.dohAddress().orElseThrow().getPort() + "/dns-query");
        RecordingTrace trace = new RecordingTrace();
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver(DohMethod.POST, Duration.ofSeconds(5), byAddress, List.of(lab.rootCertificate()))
                        .resolve("example.com", trace));
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("to " + byAddress + ": the configured DoH server")), trace.infos.toString());
        assertTrue(e.getMessage().contains("HTTPS exchange failed"), e.getMessage());
    }

    @Test
    void withoutTrustAnchorsNoDohServerIsTrusted() {
        NavigationException e = failure(resolver(DohMethod.POST, Duration.ofSeconds(5), null, List.of()), "www.lab.test");
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("no trust anchors are registered"), e.getMessage());
    }

    @Test
    void anIpLiteralResolvesToItselfWithoutAQuery() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        assertEquals("127.0.0.1", resolver(DohMethod.POST).resolve("127.0.0.1", trace).addresses().get(0).getHostAddress());
        assertTrue(trace.sent.isEmpty());
    }

    @Test
    void theConfiguredUrlMustBeHttps() {
        assertThrows(IllegalArgumentException.class, () -> DohComponent.parseUrl("http://dns.example/dns-query"));
        assertEquals(null, DohComponent.parseUrl(" "));
        assertEquals("dns.example", DohComponent.parseUrl("https://dns.example/dns-query").getHost());
    }
}
