package navemu.dns.dnsjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.ZoneServer;
import navemu.lab.LabWorld;

/** The resolver against the lab's own authoritative server, with the repository's zone file. */
@Timeout(60)
class LabWorldResolveTest {

    @TempDir
    static Path home;
    private static LabWorld lab;
    private static ExecutorService executor;
    private static StubResolver resolver;

    @BeforeAll
    static void start() throws Exception {
        lab = LabWorld.start(home, Path.of("../../config"));
        executor = Executors.newCachedThreadPool();
        ZoneServer zone = new ZoneServer() {
            @Override public String zone() { return LabWorld.ZONE; }
            @Override public InetSocketAddress address() { return lab.dnsAddress(); }
        };
        resolver = new StubResolver(new ServerRoute(() -> List.of(zone), List.of(), "no system resolvers (test)"),
                new DnsTransport(Duration.ofSeconds(2), 1), new DnsCache(Clock.systemUTC(), Duration.ofDays(1)),
                AddressOrder.IPV6_FIRST, executor);
    }

    @AfterAll
    static void stop() {
        lab.close();
        executor.shutdownNow();
    }

    @Test
    void wwwResolvesToLoopbackWithTheOriginsPortFromItsHttpsRecord() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver.resolve("www.lab.test", trace);
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), answer.addresses());
        assertEquals(lab.port("www.lab.test"), answer.port());
        assertEquals(List.of("h2", "http/1.1"), answer.alpn(), "www is served by BoringSSL with HTTP/2");
        assertEquals("NOERROR", trace.received.get(1).get("rcode"), "AAAA: the name exists without IPv6 (NODATA)");
        assertEquals("(none)", trace.received.get(1).get("answers"));
        assertTrue(resolver.resolve("www.lab.test", new RecordingTrace()).fromCache());
    }

    @Test
    void aNameTheLabDoesNotHaveIsNameNotResolved() {
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver.resolve("nosuch.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
    }
}
