package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Type;

import navemu.api.lab.LabSite;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabWorldTest {

    @Test
    void wwwResolvesByARealDnsQueryAndAnswers200OverTls13WithTheLabRoot() throws Exception {
        LabWorld lab = LabFixture.shared();

        SimpleResolver resolver = new SimpleResolver(lab.dnsAddress());
        resolver.setTimeout(java.time.Duration.ofSeconds(5));
        Message a = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("www.lab.test."), Type.A, DClass.IN)));
        assertEquals(Rcode.NOERROR, a.getRcode());
        assertTrue(a.getHeader().getFlag(Flags.AA), "authoritative answer");
        InetAddress address = ((ARecord) a.getSection(Section.ANSWER).get(0)).getAddress();
        assertEquals("127.0.0.1", address.getHostAddress());

        Message https = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("www.lab.test."), Type.HTTPS, DClass.IN)));
        HTTPSRecord record = (HTTPSRecord) https.getSection(Section.ANSWER).get(0);
        int port = ((SVCBBase.ParameterPort) record.getSvcParamValue(SVCBBase.PORT)).getPort();
        assertEquals(lab.port("www.lab.test"), port, "the HTTPS record carries the origin's port (RFC 9460 §7.2)");

        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), "www.lab.test", port)) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            HttpReply reply = HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", true);
            assertEquals(200, reply.status());
            assertTrue(reply.header("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(reply.body().contains("<h1>www.lab.test</h1>"), reply.body());
            assertEquals("close", reply.header("Connection").orElse(""));
            assertEquals(-1, socket.getInputStream().read(), "the server closes after Connection: close");
        }
    }

    @Test
    void wwwAlsoSpeaksTls12() throws Exception {
        LabWorld lab = LabFixture.shared();
        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), "www.lab.test",
                lab.port("www.lab.test"), "TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertTrue(socket.getSession().getCipherSuite().startsWith("TLS_ECDHE_ECDSA_"), socket.getSession().getCipherSuite());
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", true).status());
        }
    }

    @Test
    void aKeptAliveConnectionServesSeveralRequestsAndUnknownPathsAre404() throws Exception {
        LabWorld lab = LabFixture.shared();
        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), "www.lab.test", lab.port("www.lab.test"))) {
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", false).status());
            HttpReply missing = HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/nothing-here", false);
            assertEquals(404, missing.status());
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", true).status());
        }
    }

    @Test
    void everySiteIsInTheCatalogWithItsPortAndAnExpectedErrorThatIsANetError() {
        LabWorld lab = LabFixture.shared();
        List<LabSite> sites = lab.sites();
        assertEquals(lab.siteSpecs().size(), sites.size());
        LabSite www = sites.stream().filter(s -> s.host().equals("www.lab.test")).findFirst().orElseThrow();
        assertEquals("https://www.lab.test/", www.url());
        assertEquals(lab.port("www.lab.test"), www.port());
        assertEquals("boringssl", www.server(), "the reference site is served by BoringSSL, as Google's servers run it");
        assertEquals(null, www.expectedError());
        LabSite http = sites.stream().filter(s -> s.host().equals("http.lab.test")).findFirst().orElseThrow();
        assertEquals(lab.httpPort("http.lab.test"), http.port(), "an http:// site lists its plain HTTP port");
        for (LabSite site : sites) {
            assertTrue(site.port() > 0, site.host());
            if (site.expectedError() != null) {
                navemu.api.NetError.valueOf(site.expectedError());
            }
        }
    }

    @Test
    void askingForTheHttpsPortOfAnUnknownHostSaysWhichFileListsTheSites() {
        LabWorld lab = LabFixture.shared();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lab.port("nosuch.lab.test"));
        assertTrue(e.getMessage().contains("nosuch.lab.test") && e.getMessage().contains("sites.conf"), e.getMessage());
        assertTrue(lab.portFor("WWW.LAB.TEST.", "https").isPresent(), "host names are compared case-insensitively, trailing dot ignored");
    }

    @Test
    void closeStopsEveryServerAndThread(@TempDir Path home, @TempDir Path config) throws Exception {
        Set<Thread> before = labThreads();
        LabWorld lab = LabWorld.start(home, LabFixture.miniConfig(config));
        lab.awaitCertificates(Duration.ofSeconds(30));
        int port = lab.port("www.lab.test");
        int httpPort = lab.httpPort("www.lab.test");
        Set<Thread> running = labThreads();
        running.removeAll(before);
        assertFalse(running.isEmpty(), "the lab runs its servers on threads of its own");
        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), "www.lab.test", port)) {
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", false).status());
            lab.close(); // with a connection still open
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", httpPort).close());
        Set<Thread> left = labThreads();
        left.removeAll(before);
        assertTrue(left.isEmpty(), "threads left after close: " + left);
    }

    private static Set<Thread> labThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith("navemu-lab")) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
