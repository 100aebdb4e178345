package navemu.hostile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A DNS relay on loopback (UDP and TCP on one port, like a DNS server) in front of a real DNS
 * server: queries pass untouched; the first answer to each question type is changed by the
 * {@link DnsMutation}. It keeps the addresses a resolver may honestly take from what it delivered: those of
 * answers whose id and question match the query, whose TC bit is clear, and whose owner name and
 * type are the question's (RFC 5452 §9.1). DNS has no authentication, so a changed address in such
 * an answer is fair game; an address from any other answer is not.
 */
final class MutatingDnsRelay implements AutoCloseable {
    private final InetSocketAddress upstream;
    private final DnsMutation mutation;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Set<InetAddress> acceptable = Collections.synchronizedSet(new HashSet<>());
    private final Set<Integer> mutatedTypes = new HashSet<>();
    private final java.util.List<String> applied = Collections.synchronizedList(new java.util.ArrayList<>());

    MutatingDnsRelay(InetSocketAddress upstream, DnsMutation mutation, ExecutorService threads) throws IOException {
        this.upstream = upstream;
        this.mutation = mutation;
        DatagramSocket u = null;
        ServerSocket t = null;
        for (int attempt = 0; attempt < 20 && t == null; attempt++) {
            u = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            t = new ServerSocket();
            try {
                t.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), u.getLocalPort()), 8);
            } catch (BindException taken) {
                u.close();
                t.close();
                t = null;
            }
        }
        if (t == null) {
            throw new BindException("no loopback port free for UDP and TCP");
        }
        this.udp = u;
        this.tcp = t;
        threads.execute(this::udpLoop);
        threads.execute(() -> tcpLoop(threads));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    String applied() {
        synchronized (applied) {
            return applied.isEmpty() ? null : mutation.kind() + " of " + String.join(", ", applied);
        }
    }

    Set<InetAddress> acceptableAddresses() {
        synchronized (acceptable) {
            return Set.copyOf(acceptable);
        }
    }

    private void udpLoop() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] answer;
                try (DatagramSocket up = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                    up.setSoTimeout(3000);
                    up.send(new DatagramPacket(query, query.length, upstream));
                    DatagramPacket reply = new DatagramPacket(new byte[65535], 65535);
                    up.receive(reply);
                    answer = Arrays.copyOf(reply.getData(), reply.getLength());
                }
                byte[] out = relay(query, answer);
                if (out != null) {
                    udp.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                // a lost upstream answer or a closed socket: the resolver's timeout handles it
            }
        }
    }

    private void tcpLoop(ExecutorService threads) {
        while (!tcp.isClosed()) {
            try {
                Socket c = tcp.accept();
                threads.execute(() -> serveTcp(c));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket c) {
        try (c; Socket up = new Socket()) {
            c.setSoTimeout(5000);
            up.connect(upstream, 3000);
            up.setSoTimeout(3000);
            DataInputStream in = new DataInputStream(c.getInputStream());
            DataOutputStream out = new DataOutputStream(c.getOutputStream());
            DataInputStream upIn = new DataInputStream(up.getInputStream());
            DataOutputStream upOut = new DataOutputStream(up.getOutputStream());
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                upOut.writeShort(query.length);
                upOut.write(query);
                upOut.flush();
                byte[] answer = new byte[upIn.readUnsignedShort()];
                upIn.readFully(answer);
                byte[] changed = relay(query, answer);
                if (changed == null) {
                    return; // a dropped TCP answer: the connection closes without it
                }
                out.writeShort(changed.length);
                out.write(changed);
                out.flush();
            }
        } catch (IOException e) {
            // the resolver closed, or gave up
        }
    }

    /** The answer to pass on (mutated if it is the target), after noting what it may teach the resolver. */
    private byte[] relay(byte[] query, byte[] answer) {
        byte[] out = answer;
        int type = questionType(query);
        boolean first;
        synchronized (mutatedTypes) {
            first = mutatedTypes.add(type);
        }
        if (first) {
            out = mutation.apply(answer, type);
            applied.add("the " + org.xbill.DNS.Type.string(type) + " answer (" + answer.length + " bytes)"
                    + (out != null && Arrays.equals(out, answer) ? " (no change)" : ""));
        }
        if (out != null) {
            noteAcceptable(query, out);
        }
        return out;
    }

    private void noteAcceptable(byte[] queryBytes, byte[] answerBytes) {
        try {
            Message query = new Message(queryBytes);
            Message answer = new Message(answerBytes);
            if (answer.getHeader().getID() != query.getHeader().getID() || answer.getHeader().getFlag(Flags.TC)
                    || !answer.getHeader().getFlag(Flags.QR) || answer.getQuestion() == null
                    || !answer.getQuestion().equals(query.getQuestion())) {
                return;
            }
            for (Record r : answer.getSection(Section.ANSWER)) {
                if (!r.getName().equals(query.getQuestion().getName()) || r.getType() != query.getQuestion().getType()) {
                    continue;
                }
                if (r instanceof ARecord a) {
                    acceptable.add(a.getAddress());
                } else if (r instanceof AAAARecord a) {
                    acceptable.add(a.getAddress());
                }
            }
        } catch (IOException | RuntimeException unparseable) {
            // dnsjava cannot read it: nothing in it may be taken
        }
    }

    private static int questionType(byte[] query) {
        try {
            return new Message(query).getQuestion().getType();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
