package navemu.tcp.happyeyeballs;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.tcp.core.SocketConnection;
import navemu.api.tcp.Connection;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.StepTrace;

/**
 * Happy Eyeballs version 2 (RFC 8305): the addresses are interleaved by family (§4), the first
 * attempt starts at once, and each next one starts when the previous has failed or after the
 * Connection Attempt Delay (§5, 250 ms recommended by §8), whichever comes first. Attempts then
 * run side by side; the first to connect wins and the others are cancelled.
 *
 * <p>The dns slot hands over all addresses at once, so the Resolution Delay of §3 (waiting up to
 * 50 ms for AAAA after A arrives) has nothing to wait for; the trace says so.
 *
 * <p>The trace is written on the caller's thread only; attempts run on their own threads and
 * report through a queue.
 */
public final class HappyEyeballsConnector implements TcpConnector {

    /** RFC 8305 §8: "The recommended value for the Connection Attempt Delay is 250 ms." */
    public static final Duration DEFAULT_ATTEMPT_DELAY = Duration.ofMillis(250);
    /** RFC 8305 §5: the delay "MUST NOT" go below 10 ms and "SHOULD NOT" go below 100 ms. */
    static final Duration MINIMUM_ATTEMPT_DELAY = Duration.ofMillis(10);

    private final Duration attemptDelay;

    public HappyEyeballsConnector(Duration attemptDelay) {
        if (attemptDelay.compareTo(MINIMUM_ATTEMPT_DELAY) < 0) {
            throw new IllegalArgumentException("RFC 8305 §5: the Connection Attempt Delay must be at least 10 ms, not "
                    + attemptDelay.toMillis() + " ms");
        }
        this.attemptDelay = attemptDelay;
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
        List<InetAddress> ordered = AddressInterleaving.interleave(addresses);
        trace.info("RFC 8305 §4 order (families interleaved): " + ordered.stream().map(InetAddress::getHostAddress)
                .toList() + "; Connection Attempt Delay " + attemptDelay.toMillis() + " ms");
        trace.info("the dns slot gave every address at once: the §3 Resolution Delay has nothing to wait for");
        return new Race(ordered, port, connectTimeout, trace).run();
    }

    /** One race: its attempts, their outcomes, and the trace lines they make. */
    private final class Race {
        final List<InetAddress> ordered;
        final int port;
        final int timeoutMillis;
        final StepTrace trace;
        final long start = System.nanoTime();
        final AtomicBoolean decided = new AtomicBoolean();
        final BlockingQueue<ConnectAttempt.Outcome> outcomes = new LinkedBlockingQueue<>();
        final List<ConnectAttempt> started = new ArrayList<>();
        final List<String> log = new ArrayList<>();

        Race(List<InetAddress> ordered, int port, Duration connectTimeout, StepTrace trace) {
            this.ordered = ordered;
            this.port = port;
            this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            this.trace = trace;
        }

        Connection run() throws NavigationException {
            startNext("first attempt");
            trace.roundTrip("SYN to " + started.get(0).describe() + ", waiting for SYN-ACK");
            int finished = 0;
            ConnectAttempt.Outcome lastFailure = null;
            try {
                while (true) {
                    boolean more = started.size() < ordered.size();
                    ConnectAttempt.Outcome outcome = more
                            ? outcomes.poll(attemptDelay.toMillis(), TimeUnit.MILLISECONDS)
                            : outcomes.poll(timeoutMillis + 1000L, TimeUnit.MILLISECONDS);
                    if (outcome == null) {
                        if (!more && System.nanoTime() - start > deadlineNanos()) {
                            // Each attempt is bounded by its own timeout; this only guards against one that is not.
                            started.forEach(ConnectAttempt::cancel);
                            throw new NavigationException(NetError.ERR_CONNECTION_TIMED_OUT, "no attempt finished"
                                    + " within " + deadlineNanos() / 1_000_000 + " ms: " + String.join("; ", log));
                        }
                        if (more) {
                            startNext("no answer from " + started.get(started.size() - 1).describe() + " within the "
                                    + attemptDelay.toMillis() + " ms Connection Attempt Delay (RFC 8305 §5)");
                        }
                        continue;
                    }
                    finished++;
                    if (outcome.won()) {
                        return win(outcome);
                    }
                    note(String.format("+%.0f ms: attempt %d to %s failed: %s (%s)", at(outcome.endNanos()),
                            outcome.attempt().number, outcome.attempt().describe(), outcome.error(), outcome.why()));
                    lastFailure = outcome;
                    if (started.size() < ordered.size()) {
                        // §5: a failed attempt lets the next one start at once, not after the delay.
                        startNext("attempt " + outcome.attempt().number + " failed");
                        trace.roundTrip("SYN to " + started.get(started.size() - 1).describe()
                                + " after the previous attempt failed");
                    } else if (finished == started.size()) {
                        throw failure(lastFailure);
                    }
                }
            } catch (InterruptedException e) {
                started.forEach(ConnectAttempt::cancel);
                Thread.currentThread().interrupt();
                throw new NavigationException(NetError.ERR_ABORTED, "connection attempts cancelled");
            }
        }

        /** The longest a race can last: every attempt started one delay apart, the last one timing out. */
        private long deadlineNanos() {
            return attemptDelay.toNanos() * ordered.size() + (timeoutMillis + 2000L) * 1_000_000L;
        }

        private void startNext(String why) {
            int number = started.size() + 1;
            InetSocketAddress remote = new InetSocketAddress(ordered.get(number - 1), port);
            ConnectAttempt attempt = new ConnectAttempt(number, remote, timeoutMillis, decided, outcomes);
            started.add(attempt);
            note(String.format("+%.0f ms: attempt %d to %s starts (%s)", at(attempt.startNanos), number,
                    attempt.describe(), why));
            Thread thread = new Thread(attempt, "navemu-happy-eyeballs-" + number);
            thread.setDaemon(true);
            thread.start();
        }

        private Connection win(ConnectAttempt.Outcome outcome) {
            ConnectAttempt winner = outcome.attempt();
            for (ConnectAttempt other : started) {
                if (other != winner) {
                    other.cancel();
                }
            }
            double connectMs = (outcome.endNanos() - winner.startNanos) / 1_000_000.0;
            int localPort = outcome.socket().getLocalPort();
            note(String.format("+%.0f ms: attempt %d to %s won (handshake %.1f ms, local port %d); %d other"
                            + " attempt(s) cancelled", at(outcome.endNanos()), winner.number, winner.describe(),
                    connectMs, localPort, started.size() - 1));
            trace.detail("address", winner.remote.getAddress().getHostAddress());
            trace.detail("port", port);
            trace.detail("localPort", localPort);
            trace.detail("connectMs", Math.round(connectMs * 10) / 10.0);
            trace.detail("winner", winner.number);
            trace.detail("attempts", List.copyOf(log));
            return new SocketConnection(outcome.socket());
        }

        private NavigationException failure(ConnectAttempt.Outcome last) {
            trace.detail("attempts", List.copyOf(log));
            return new NavigationException(last.error(), "every attempt failed: " + String.join("; ", log));
        }

        private void note(String line) {
            log.add(line);
            trace.info(line);
        }

        private double at(long nanos) {
            return (nanos - start) / 1_000_000.0;
        }
    }
}
