package navemu.dns.dnsjava;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * A tiny authoritative DNS server on loopback (UDP and TCP on one port), built from dnsjava's
 * Message classes. It answers from a list of records, and can misbehave on purpose.
 */
final class TestDnsServer implements AutoCloseable {

    enum Behaviour {
        /** Answer from the zone; NXDOMAIN (with SOA) for names it does not know. */
        NORMAL,
        /** Over UDP: an empty answer with TC set; over TCP: the full answer. */
        TRUNCATE_UDP,
        /** Bytes that are not a DNS message. */
        GARBAGE,
        /** A well-formed message for another question. */
        WRONG_QUESTION,
        /** Every query answered SERVFAIL. */
        SERVFAIL,
        /** Never answers. */
        SILENT,
        /** Answers from the zone as NORMAL does, but with {@link #forcedRcode} as the response code. */
        ANSWER_WITH_RCODE
    }

    final Name zone;
    final List<Record> records = new CopyOnWriteArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicInteger udpQueries = new AtomicInteger();
    final AtomicInteger tcpQueries = new AtomicInteger();
    volatile Behaviour behaviour = Behaviour.NORMAL;
    volatile long soaTtl = 60;
    volatile long soaMinimum = 30;
    /** The response code sent with the answer records in {@link Behaviour#ANSWER_WITH_RCODE}. */
    volatile int forcedRcode = Rcode.NOERROR;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final List<Thread> threads = new ArrayList<>();

    TestDnsServer(String zone) throws IOException {
        this.zone = Name.fromString(zone, Name.root);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        DatagramSocket boundUdp = null;
        ServerSocket boundTcp = null;
        // UDP and TCP must share a port number, as a real DNS server's do: find one free for both.
        for (int tries = 0; tries < 20 && boundTcp == null; tries++) {
            boundUdp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                boundTcp = new ServerSocket(boundUdp.getLocalPort(), 16, loopback);
            } catch (IOException taken) {
                boundUdp.close();
            }
        }
        if (boundTcp == null) {
            throw new IOException("could not bind UDP and TCP on one loopback port");
        }
        udp = boundUdp;
        tcp = boundTcp;
        start(this::serveUdp, "test-dns-udp");
        start(this::serveTcp, "test-dns-tcp");
    }

    InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    private Name name(String host) throws IOException {
        return Name.fromString(host, Name.root);
    }

    TestDnsServer a(String host, long ttl, String ip) throws IOException {
        records.add(new org.xbill.DNS.ARecord(name(host), org.xbill.DNS.DClass.IN, ttl, InetAddress.getByName(ip)));
        return this;
    }

    TestDnsServer aaaa(String host, long ttl, String ip) throws IOException {
        records.add(new org.xbill.DNS.AAAARecord(name(host), org.xbill.DNS.DClass.IN, ttl, InetAddress.getByName(ip)));
        return this;
    }

    TestDnsServer cname(String host, long ttl, String target) throws IOException {
        records.add(new org.xbill.DNS.CNAMERecord(name(host), org.xbill.DNS.DClass.IN, ttl, name(target)));
        return this;
    }

    /** A ServiceMode HTTPS record for the name itself (TargetName "."), RFC 9460 §2.5.2. */
    TestDnsServer https(String host, long ttl, int port, String... alpn) throws IOException {
        List<org.xbill.DNS.SVCBBase.ParameterBase> params = new ArrayList<>();
        params.add(new org.xbill.DNS.SVCBBase.ParameterAlpn(List.of(alpn)));
        params.add(new org.xbill.DNS.SVCBBase.ParameterPort(port));
        records.add(new org.xbill.DNS.HTTPSRecord(name(host), org.xbill.DNS.DClass.IN, ttl, 1, Name.root, params));
        return this;
    }

    int queries() {
        return udpQueries.get() + tcpQueries.get();
    }

    private void start(Runnable loop, String name) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                udpQueries.incrementAndGet();
                byte[] reply = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()), false);
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (!udp.isClosed()) {
                    log.add("udp: " + e);
                }
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket client = tcp.accept()) {
                client.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(client.getInputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                tcpQueries.incrementAndGet();
                byte[] reply = answer(query, true);
                if (reply != null) {
                    DataOutputStream out = new DataOutputStream(client.getOutputStream());
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            } catch (SocketException closed) {
                // the server is shutting down
            } catch (IOException e) {
                log.add("tcp: " + e);
            }
        }
    }

    private byte[] answer(byte[] wire, boolean overTcp) throws IOException {
        Message query = new Message(wire);
        Record question = query.getQuestion();
        log.add((overTcp ? "tcp " : "udp ") + question.getName() + " " + org.xbill.DNS.Type.string(question.getType()));
        Behaviour now = behaviour;
        if (now == Behaviour.SILENT) {
            return null;
        }
        if (now == Behaviour.GARBAGE) {
            // A response header that promises one question, followed by a label that runs past the end.
            byte[] garbage = {wire[0], wire[1], (byte) 0x81, (byte) 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 63, 'w', 'w'};
            return garbage;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (now == Behaviour.WRONG_QUESTION) {
            response.addRecord(Record.newRecord(Name.fromString("other.example."), question.getType(), question.getDClass()),
                    Section.QUESTION);
            return response.toWire();
        }
        response.addRecord(question, Section.QUESTION);
        if (now == Behaviour.SERVFAIL) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response.toWire();
        }
        if (now == Behaviour.TRUNCATE_UDP && !overTcp) {
            response.getHeader().setFlag(Flags.TC);
            return response.toWire();
        }
        boolean nameExists = false;
        for (Record record : records) {
            if (record.getName().equals(question.getName())) {
                nameExists = true;
                if (record.getType() == question.getType() || record.getType() == org.xbill.DNS.Type.CNAME) {
                    response.addRecord(record, Section.ANSWER);
                }
            }
        }
        if (!nameExists) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        if (now == Behaviour.ANSWER_WITH_RCODE) {
            response.getHeader().setRcode(forcedRcode);
        }
        if (response.getSection(Section.ANSWER).isEmpty()) {
            // RFC 2308 §3: negative answers carry the zone's SOA, whose TTL and MINIMUM bound the caching.
            response.addRecord(new SOARecord(zone, org.xbill.DNS.DClass.IN, soaTtl, Name.fromString("ns", zone),
                    Name.fromString("hostmaster", zone), 1, 3600, 600, 86400, soaMinimum), Section.AUTHORITY);
        }
        return response.toWire();
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
