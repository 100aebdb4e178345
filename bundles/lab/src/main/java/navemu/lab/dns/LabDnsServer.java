package navemu.lab.dns;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import navemu.lab.LabAddress;
import navemu.lab.dns.LabDnsResponder.Reply;
import navemu.lab.dns.LabDnsResponder.Transport;

/**
 * The lab's authoritative DNS server: UDP and TCP on the same ephemeral port of 127.0.0.1
 * (RFC 1035 §4.2; TCP messages carry a two-byte length prefix, §4.2.2; RFC 7766 makes TCP
 * support mandatory). Answers come from a {@link LabDnsResponder}: the zone's, or a bad one on
 * purpose for the names {@code config/lab/dns-faults.conf} lists. A slow answer over UDP is sent
 * later from a scheduler, so it holds up no other query.
 */
public final class LabDnsServer implements Closeable {

    private static final int TCP_READ_TIMEOUT_MS = 5000;
    private static final int MAX_TCP_CONNECTIONS = 8;
    private static final int BIND_ATTEMPTS = 20;

    private final LabDnsResponder responder;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ThreadPoolExecutor tcpPool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread udpThread;
    private final Thread tcpAcceptor;
    private final ScheduledExecutorService delayedUdp;

    private LabDnsServer(LabDnsResponder responder, DatagramSocket udp, ServerSocket tcp) {
        this.responder = responder;
        this.udp = udp;
        this.tcp = tcp;
        this.tcpPool = new ThreadPoolExecutor(0, MAX_TCP_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "navemu-lab dns tcp connection"));
        this.udpThread = daemon(this::udpLoop, "navemu-lab dns udp");
        this.tcpAcceptor = daemon(this::tcpAcceptLoop, "navemu-lab dns tcp acceptor");
        this.delayedUdp = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "navemu-lab dns slow udp answers"));
    }

    /** A server that answers every name honestly from the zone. */
    public static LabDnsServer start(ZoneAuthority authority) throws IOException {
        return start(new LabDnsResponder(authority, java.util.Map.of()));
    }

    public static LabDnsServer start(LabDnsResponder responder) throws IOException {
        InetAddress loopback = LabAddress.LOOPBACK;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 50);
            } catch (BindException e) {
                // Another program holds this port for TCP: pick another UDP port and try again.
                udp.close();
                tcp.close();
                continue;
            }
            LabDnsServer server = new LabDnsServer(responder, udp, tcp);
            server.udpThread.start();
            server.tcpAcceptor.start();
            return server;
        }
        throw new BindException("no port of 127.0.0.1 was free for both UDP and TCP after " + BIND_ATTEMPTS + " attempts");
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    private void udpLoop() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                Reply reply = responder.reply(Arrays.copyOf(packet.getData(), packet.getLength()), Transport.UDP);
                if (reply.bytes() == null) {
                    continue;
                }
                DatagramPacket answer = new DatagramPacket(reply.bytes(), reply.bytes().length, packet.getSocketAddress());
                if (reply.delay().isZero()) {
                    udp.send(answer);
                } else {
                    delayedUdp.schedule(() -> sendQuietly(answer), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (IOException e) {
                if (udp.isClosed()) {
                    return;
                }
                // one bad datagram (e.g. ICMP port unreachable on send): keep serving
            }
        }
    }

    private void tcpAcceptLoop() {
        while (!tcp.isClosed()) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (IOException e) {
                return;
            }
            try {
                tcpPool.execute(() -> serveTcp(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    /** RFC 7766 §6.2.1: several queries may arrive on one connection; answer each in turn. */
    private void serveTcp(Socket socket) {
        open.add(socket);
        try {
            if (tcp.isClosed()) {
                return; // close() ran between accept and here: it may not have seen this socket
            }
            socket.setSoTimeout(TCP_READ_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] query = in.readNBytes(length);
                if (query.length != length) {
                    return;
                }
                Reply reply = responder.reply(query, Transport.TCP);
                byte[] answer = reply.bytes();
                if (answer == null) {
                    return;
                }
                if (!reply.delay().isZero()) {
                    Thread.sleep(reply.delay().toMillis());
                }
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // timeout or client gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() while a slow answer waited
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private void sendQuietly(DatagramPacket packet) {
        try {
            udp.send(packet);
        } catch (IOException e) {
            // the server closed meanwhile, or the client's port is gone: nothing to tell anyone
        }
    }

    @Override
    public void close() {
        delayedUdp.shutdownNow();
        udp.close();
        closeQuietly(tcp);
        tcpPool.shutdownNow();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            udpThread.join(2000);
            tcpAcceptor.join(2000);
            tcpPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
