package navemu.dns.dnsjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;

/**
 * The resolver against a DNS server from the system's packages: dnsmasq, started on a loopback port
 * for the test (issue 7: {@code .ci/run} installs it). Skipped, saying so, where dnsmasq is missing.
 */
@Timeout(60)
class DnsmasqResolveTest {

    /** RFC 9460 HTTPS RDATA: SvcPriority 1, TargetName ".", alpn=http/1.1, port=8443. */
    private static final String HTTPS_RDATA = "0001" + "00" + "0001" + "0009" + "08" + "687474702f312e31"
            + "0003" + "0002" + "20fb";

    private static Process dnsmasq;
    private static InetSocketAddress address;
    private static ExecutorService executor;

    @BeforeAll
    static void start() throws Exception {
        String binary = find("dnsmasq");
        Assumptions.assumeTrue(binary != null, "dnsmasq is not installed (apt-get install dnsmasq-base); skipped");
        int port = freeUdpAndTcpPort();
        address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
        List<String> command = new ArrayList<>(List.of(binary, "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + port,
                "--pid-file=", "--log-facility=-", "--local=/dnsmasq.test/",
                "--host-record=www.dnsmasq.test,127.0.0.7,::7",
                "--dns-rr=www.dnsmasq.test,65," + HTTPS_RDATA,
                // A UDP limit of 512 bytes, whatever EDNS(0) offers: the 60 records below then need TCP.
                "--edns-packet-max=512"));
        for (int i = 1; i <= 60; i++) {
            command.add(String.format("--dns-rr=big.dnsmasq.test,1,7f0001%02x", i));
        }
        dnsmasq = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        awaitTcp(port);
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            dnsmasq.waitFor(5, TimeUnit.SECONDS);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private StubResolver resolver() {
        // dnsmasq plays the system's resolver: no zone servers, one configured server.
        return new StubResolver(new ServerRoute(List::of, List.of(address), "dnsmasq (test)"),
                new DnsTransport(Duration.ofSeconds(2), 1), new DnsCache(Clock.systemUTC(), Duration.ofDays(1)),
                AddressOrder.IPV6_FIRST, executor);
    }

    @Test
    void addressesAndTheHttpsRecordComeFromDnsmasq() throws Exception {
        DnsAnswer answer = resolver().resolve("www.dnsmasq.test", new RecordingTrace());
        assertEquals(List.of(InetAddress.getByName("::7"), InetAddress.getByName("127.0.0.7")), answer.addresses());
        assertEquals(8443, answer.port());
        assertEquals(List.of("http/1.1"), answer.alpn());
    }

    @Test
    void aTruncatedAnswerIsFetchedWholeOverTcp() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver().resolve("big.dnsmasq.test", trace);
        assertEquals(60, answer.addresses().size());
        assertEquals("tcp", trace.received.get(0).get("transport"));
    }

    @Test
    void nxdomainWithoutSoaIsNotResolvedAndNotCached() {
        StubResolver resolver = resolver();
        RecordingTrace trace = new RecordingTrace();
        NavigationException e = assertThrows(NavigationException.class, () -> resolver.resolve("nosuch.dnsmasq.test", trace));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
        // dnsmasq sends no SOA with this NXDOMAIN, and RFC 2308 §5 says such an answer is not cached.
        assertEquals("not cached", trace.received.get(0).get("cachedFor"));
        RecordingTrace again = new RecordingTrace();
        assertThrows(NavigationException.class, () -> resolver.resolve("nosuch.dnsmasq.test", again));
        assertEquals(1, again.roundTrips.size(), "asked again");
    }

    private static String find(String program) {
        for (String dir : (System.getenv("PATH") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin")
                .split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    private static int freeUdpAndTcpPort() throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                 ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getByName("127.0.0.1"))) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no loopback port free for both UDP and TCP");
    }

    private static void awaitTcp(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!dnsmasq.isAlive()) {
                throw new IOException("dnsmasq exited with status " + dnsmasq.exitValue());
            }
            try (Socket probe = new Socket()) {
                probe.connect(address, 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("dnsmasq did not listen on " + address + " within 10 s");
    }
}
