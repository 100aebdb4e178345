package navemu.tcp.emulated;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.NetworkWait;
import navemu.api.trace.StepTrace;
import navemu.tcp.core.ConnectFailure;
import navemu.tcp.core.DirectSocket;
import navemu.tcp.emulated.api.LinkConditions;

/**
 * Connects like the {@code socket} implementation — the resolved addresses in order, each attempt
 * bounded by the connect timeout — but across an emulated link: the SYN takes half an RTT to reach
 * the server and the SYN-ACK (or the RST of a refusal) half an RTT to come back, so the measured
 * connect takes one RTT (RFC 9293 §3.5). A lost SYN or SYN-ACK is resent after the initial RTO of
 * 1 s (RFC 6298 §2.1). The connection then shapes every byte: see {@link EmulatedConnection}.
 *
 * <p>Each connection takes a snapshot of the link conditions when it starts.
 */
public final class EmulatedConnector implements TcpConnector {

    private final Supplier<LinkConditions> link;
    private final LongSupplier seeds;

    /** @param link the conditions now; asked once per connection */
    public EmulatedConnector(Supplier<LinkConditions> link) {
        this(link, () -> ThreadLocalRandom.current().nextLong());
    }

    /** @param seeds the seed of each connection's jitter and loss draws (tests make them repeatable) */
    EmulatedConnector(Supplier<LinkConditions> link, LongSupplier seeds) {
        this.link = link;
        this.seeds = seeds;
    }

    @Override
    public Connection connect(List<InetAddress> addresses, int port, Duration connectTimeout, StepTrace trace)
            throws NavigationException {
        if (addresses == null || addresses.isEmpty()) {
            throw new NavigationException(NetError.ERR_ADDRESS_UNREACHABLE, "no address to connect to");
        }
        if (port < 1 || port > 65535) {
            throw new NavigationException(NetError.ERR_ADDRESS_UNREACHABLE, "port " + port + " is not a TCP port");
        }
        LinkConditions conditions = link.get();
        trace.info("emulated link: " + conditions.describe());
        trace.detail("link", conditions.toMap());
        long timeoutNanos = Math.max(Duration.ofMillis(1).toNanos(), connectTimeout.toNanos());
        List<String> attempts = new ArrayList<>();
        NavigationException last = null;
        for (int i = 0; i < addresses.size(); i++) {
            InetSocketAddress remote = new InetSocketAddress(addresses.get(i), port);
            String where = SocketNames.describe(remote);
            trace.info("connecting to " + where + " (attempt " + (i + 1) + " of " + addresses.size()
                    + ", timeout " + timeoutNanos / 1_000_000 + " ms)");
            trace.roundTrip("SYN to " + where + ", waiting for SYN-ACK across the emulated link");
            long seed = seeds.getAsLong();
            long start = System.nanoTime();
            try {
                Socket socket = handshake(remote, conditions, new SplittableRandom(seed), start + timeoutNanos, trace);
                double millis = (System.nanoTime() - start) / 1e6;
                InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
                trace.info(String.format("connected to %s from local port %d in %.1f ms (emulated RTT %.1f ms)",
                        where, local.getPort(), millis, conditions.rtt().toNanos() / 1e6));
                trace.detail("address", remote.getAddress().getHostAddress());
                trace.detail("port", port);
                trace.detail("localAddress", local.getAddress().getHostAddress());
                trace.detail("localPort", local.getPort());
                trace.detail("connectMs", Math.round(millis * 10) / 10.0);
                attempts.add(where + " connected");
                trace.detail("attempts", attempts);
                return new EmulatedConnection(socket, conditions, seed);
            } catch (IOException failure) {
                double millis = (System.nanoTime() - start) / 1e6;
                NetError error = ConnectFailure.classify(failure);
                String line = String.format("%s %s after %.1f ms (%s: %s)", where, error, millis,
                        ConnectFailure.explain(error), failure.getMessage());
                trace.info(line);
                attempts.add(line);
                last = new NavigationException(error, "connect to " + where + " failed: "
                        + ConnectFailure.explain(error) + " (" + failure.getMessage() + ")", failure);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new NavigationException(NetError.ERR_ABORTED, "interrupted while connecting to " + where);
            }
        }
        trace.detail("attempts", attempts);
        if (addresses.size() == 1) {
            throw last;
        }
        throw new NavigationException(last.error(), "all " + addresses.size() + " addresses failed: "
                + String.join("; ", attempts), last.getCause());
    }

    /**
     * The three-way handshake across the link: SYN out (half an RTT), the real connect, SYN-ACK
     * back (half an RTT). The ACK that completes it travels with the client's first data.
     */
    private static Socket handshake(InetSocketAddress remote, LinkConditions link, SplittableRandom random,
                                    long deadline, StepTrace trace) throws IOException, InterruptedException {
        // Each wait opens before its arrival time is drawn, so no stall of this thread shortens it.
        try (NetworkWait wait = trace.networkWait()) {
            long synArrives = System.nanoTime() + oneWay(link, random, "SYN", trace);
            if (!sleepUntil(synArrives, deadline)) {
                throw new SocketTimeoutException("connect timed out (the SYN was still on the emulated link)");
            }
        }
        Socket socket = DirectSocket.create();
        try {
            // Nagle would hold back small TLS records waiting for an ACK (RFC 896); browsers turn it off.
            socket.setTcpNoDelay(true);
            long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            IOException refused = null;
            try (NetworkWait wait = trace.networkWait()) {
                socket.connect(remote, (int) Math.min(Integer.MAX_VALUE, remaining));
            } catch (SocketTimeoutException timedOut) {
                throw timedOut;
            } catch (IOException e) {
                refused = e; // the RST, like the SYN-ACK, has to come back across the link
            }
            try (NetworkWait wait = trace.networkWait()) {
                long answerArrives = System.nanoTime() + oneWay(link, random, refused == null ? "SYN-ACK" : "RST", trace);
                if (!sleepUntil(answerArrives, deadline)) {
                    throw new SocketTimeoutException("connect timed out (the answer to the SYN was still on the emulated link)");
                }
            }
            if (refused != null) {
                throw refused;
            }
            return socket;
        } catch (IOException | InterruptedException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** One crossing of the link for a handshake segment; a lost one is resent after the initial RTO. */
    private static long oneWay(LinkConditions link, SplittableRandom random, String segment, StepTrace trace) {
        long nanos = DelayLine.oneWayNanos(link, random);
        if (link.loss() > 0 && random.nextDouble() < link.loss()) {
            trace.info("the " + segment + " was lost and resent after the initial RTO of "
                    + DelayLine.INITIAL_RTO.toMillis() + " ms (RFC 6298 §2.1)");
            nanos += DelayLine.INITIAL_RTO.toNanos();
        }
        return nanos;
    }

    /** Sleeps until {@code wake}; false (after sleeping to the deadline) when the deadline comes first. */
    private static boolean sleepUntil(long wake, long deadline) throws InterruptedException {
        long until = wake - deadline > 0 ? deadline : wake;
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            // parkNanos, not Thread.sleep(ms, ns): before JDK 21 the latter rounds to whole milliseconds.
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while a handshake segment crossed the emulated link");
            }
        }
        return wake - deadline <= 0;
    }
}
