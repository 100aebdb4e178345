package navemu.dns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.ZoneServer;

@Timeout(30)
class SystemResolverTest {

    private DatagramSocket server;
    private ExecutorService executor;
    private SystemResolver resolver;

    /** A one-name authoritative server for lab.test on loopback UDP: www has an A record, the rest NXDOMAIN. */
    @BeforeEach
    void start() throws IOException {
        server = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            while (!server.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    server.receive(packet);
                    Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                    Record question = query.getQuestion();
                    Message response = new Message(query.getHeader().getID());
                    response.getHeader().setFlag(Flags.QR);
                    response.getHeader().setFlag(Flags.AA);
                    response.addRecord(question, Section.QUESTION);
                    if (!question.getName().equals(Name.fromString("www.lab.test."))) {
                        response.getHeader().setRcode(Rcode.NXDOMAIN);
                    } else if (question.getType() == Type.A) {
                        response.addRecord(new ARecord(question.getName(), DClass.IN, 60,
                                InetAddress.getByName("127.0.0.1")), Section.ANSWER);
                    }
                    byte[] wire = response.toWire();
                    server.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        executor = Executors.newCachedThreadPool();
        ZoneServer zone = new ZoneServer() {
            @Override public String zone() { return "lab.test"; }
            @Override public InetSocketAddress address() {
                return new InetSocketAddress(server.getLocalAddress(), server.getLocalPort());
            }
        };
        resolver = new SystemResolver(() -> List.of(zone), Duration.ofSeconds(2), executor);
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    @Test
    void localhostComesFromTheSystemResolverWhichShowsNoTtl() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver.resolve("localhost", trace);
        assertTrue(answer.addresses().stream().allMatch(InetAddress::isLoopbackAddress), answer.addresses().toString());
        assertTrue(trace.lines.stream().anyMatch(l -> l.contains("TTLs unknown")), trace.lines.toString());
        assertEquals(0, trace.roundTrips.size(), "a black box: no round trip can be counted");
        assertFalse(answer.fromCache());
    }

    @Test
    void aZoneNameIsAskedOfItsServerWithAAndAaaaOnly() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver.resolve("www.lab.test", trace);
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), answer.addresses());
        assertEquals(null, answer.port(), "no HTTPS record is asked");
        assertEquals(1, trace.roundTrips.size());
        assertTrue(trace.lines.get(0).contains("JEP 418"), trace.lines.toString());
    }

    @Test
    void aZoneNameThatDoesNotExistIsNotResolved() {
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver.resolve("nosuch.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
        assertTrue(e.getMessage().contains("NXDOMAIN"), e.getMessage());
    }

    @Test
    void ipLiteralsResolveToThemselves() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")),
                resolver.resolve("127.0.0.1", new RecordingTrace()).addresses());
    }
}
