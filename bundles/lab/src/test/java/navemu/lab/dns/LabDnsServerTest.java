package navemu.lab.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import navemu.lab.LabWorld;
import navemu.lab.LabFixtureAccess;

/** The lab's DNS server, asked by dnsjava's own stub resolver over real UDP and TCP on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabDnsServerTest {

    private static LabWorld lab;

    @BeforeAll
    static void startLab() {
        lab = LabFixtureAccess.shared();
    }

    private static Message ask(String name, int type, boolean tcp) throws Exception {
        SimpleResolver resolver = new SimpleResolver(lab.dnsAddress());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    @Test
    void aNameThatDoesNotExistIsNxdomainWithTheSoaInTheAuthoritySection() throws Exception {
        Message answer = ask("nosuch.lab.test.", Type.A, false);
        assertEquals(Rcode.NXDOMAIN, answer.getRcode());
        assertTrue(answer.getHeader().getFlag(Flags.AA));
        assertTrue(answer.getSection(Section.ANSWER).isEmpty());
        List<Record> authority = answer.getSection(Section.AUTHORITY);
        assertEquals(1, authority.size());
        SOARecord soa = (SOARecord) authority.get(0);
        assertEquals(Name.fromString("lab.test."), soa.getName());
        assertEquals(Math.min(soa.getTTL(), soa.getMinimum()), soa.getTTL(), "RFC 2308 §3 negative TTL");
    }

    @Test
    void aNameWithoutTheAskedTypeIsNoerrorNodata() throws Exception {
        Message answer = ask("www.lab.test.", Type.AAAA, false);
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(answer.getHeader().getFlag(Flags.AA));
        assertTrue(answer.getSection(Section.ANSWER).isEmpty());
        assertEquals(Type.SOA, answer.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void tcpGivesTheSameAnswerAsUdp() throws Exception {
        Message udp = ask("www.lab.test.", Type.HTTPS, false);
        Message tcp = ask("www.lab.test.", Type.HTTPS, true);
        assertEquals(Rcode.NOERROR, tcp.getRcode());
        assertEquals(udp.getSection(Section.ANSWER), tcp.getSection(Section.ANSWER));
    }

    @Test
    void twoQueriesOnOneTcpConnectionAreBothAnswered() throws Exception {
        try (Socket socket = new Socket(lab.dnsAddress().getAddress(), lab.dnsAddress().getPort())) {
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (String name : List.of("www.lab.test.", "hrr.lab.test.")) {
                byte[] query = Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN)).toWire();
                out.writeShort(query.length);
                out.write(query);
                out.flush();
                byte[] answer = new byte[in.readUnsignedShort()];
                in.readFully(answer);
                Message message = new Message(answer);
                assertEquals(name, message.getQuestion().getName().toString());
                assertEquals(1, message.getSection(Section.ANSWER).size());
            }
        }
    }

    @Test
    void namesOutsideLabTestAreRefusedNotAnswered() throws Exception {
        Message answer = ask("example.com.", Type.A, false);
        assertEquals(Rcode.REFUSED, answer.getRcode());
        assertTrue(answer.getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void theWildcardSiteNamesResolve() throws Exception {
        assertEquals(Rcode.NOERROR, ask("a.wildcard.lab.test.", Type.A, false).getRcode());
        assertEquals(1, ask("wildcard.lab.test.", Type.A, false).getSection(Section.ANSWER).size());
    }

    @Test
    void garbageGetsFormerrAndTheServerKeepsAnswering() throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7f};
            socket.send(new DatagramPacket(garbage, garbage.length, lab.dnsAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            socket.receive(reply);
            Message answer = new Message(java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
            assertEquals(0x1234, answer.getHeader().getID());
            assertEquals(Rcode.FORMERR, answer.getRcode());
        }
        assertEquals(Rcode.NOERROR, ask("www.lab.test.", Type.A, false).getRcode());
    }
}
