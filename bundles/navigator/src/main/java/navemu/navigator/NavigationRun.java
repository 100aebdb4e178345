package navemu.navigator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.result.NavigationResult;
import navemu.navigator.http.RequestMessage;
import navemu.navigator.http2.HttpTransports;
import navemu.navigator.pool.ConnectionPool;
import navemu.navigator.pool.PoolKey;
import navemu.navigator.pool.PooledConnection;

/**
 * One navigation, hop by hop, the way a browser does it:
 * hsts → dns → tcp → tls → http, then a redirect starts the next hop. A hop to an origin with an
 * idle connection of the same setup skips dns, tcp and tls and sends its request on it.
 *
 * <p>Each hop is recorded as its steps; the result's top-level objects describe the last hop,
 * {@code redirects} the hops before it. A failure ends the navigation with the browser error
 * code of the step that failed. The steps live in their own classes: {@link HstsStep},
 * {@link NewConnection} (dns, tcp, tls), {@link HttpStep}; {@link HopConnections} says where a
 * hop's connection comes from and where it goes after.
 */
final class NavigationRun {
    /** Chromium's limit (net/url_request/url_request.cc kMaxRedirects). */
    static final int MAX_REDIRECTS = 20;

    private final NavigationRequest request;
    private final Watchdog watchdog = new Watchdog();
    private final long startNanos = System.nanoTime();
    private final NavigationResult result = new NavigationResult();
    private final RunContext run;
    private final HopConnections connections;
    private final NewConnection newConnection;
    private final Http11RequiredOrigins http11Only;

    /**
     * A navigation on its own, offering h2 and http/1.1 as Chrome does: connections are reused by
     * its own hops at most (the prewarm, tests).
     */
    NavigationRun(NavigationRequest request, Snapshot slots, Function<TargetUrl, Optional<PortHint>> portMap,
                  Deadlines deadlines) {
        this(request, slots, portMap, deadlines, null, new AtomicLong()::incrementAndGet, HttpTransports.ALPN_WITH_H2,
                new Http11RequiredOrigins());
    }

    /**
     * @param pool         the navigator's idle connections, or null for none
     * @param connectionId numbers the connections this navigation makes
     * @param alpnOffer    the ALPN list its new connections offer: h2 and http/1.1, or http/1.1 alone
     * @param http11Only   the origins whose servers required HTTP/1.1: their new connections offer http/1.1 alone
     */
    NavigationRun(NavigationRequest request, Snapshot slots, Function<TargetUrl, Optional<PortHint>> portMap,
                  Deadlines deadlines, ConnectionPool pool, LongSupplier connectionId, List<String> alpnOffer,
                  Http11RequiredOrigins http11Only) {
        this.request = request;
        this.run = new RunContext(request, slots, portMap, new SafeListener(request.listener()), deadlines, watchdog,
                startNanos, result);
        this.connections = new HopConnections(run, pool);
        this.newConnection = new NewConnection(run, connectionId, alpnOffer);
        this.http11Only = http11Only;
    }

    /** Runs the navigation to its end; never throws for a failed navigation. */
    NavigationResult run() {
        result.url = request.url();
        result.startedAt = Instant.now(request.clock()).toString();
        result.composition = run.slots().namesForResult();
        HopState hop = null;
        try {
            TargetUrl url = TargetUrl.parse(request.url());
            // The URL as the address bar shows it: WWW.LAB.TEST is www.lab.test, not a redirect to it.
            result.url = url.toString();
            RedirectRequest sending = new RedirectRequest(request.http(), null);
            for (int hops = 0; ; hops++) {
                hop = new HopState(url, sending.options(), sending.note());
                runHop(hop);
                if (hop.next == null) {
                    break;
                }
                if (hops >= MAX_REDIRECTS) {
                    throw new NavigationException(NetError.ERR_TOO_MANY_REDIRECTS,
                            "more than " + MAX_REDIRECTS + " redirects; the last one was to " + hop.next);
                }
                result.redirects.add(hop.toHop());
                // The internal HSTS upgrade sends the same request again, only over https.
                sending = hop.internalUpgrade ? new RedirectRequest(hop.request, null)
                        : RedirectRequest.after(hop.request, hop.status, hop.url, hop.next);
                url = hop.next;
            }
            result.ok = true;
        } catch (NavigationException e) {
            fail(e.error(), e.getMessage());
        } catch (RuntimeException e) {
            // A slot implementation broke its contract; the navigation still ends with a clear message.
            fail(NetError.ERR_FAILED, "internal error: " + e);
        } finally {
            watchdog.close();
            connections.close();
        }
        if (hop != null) {
            result.finalUrl = hop.url.toString();
            result.steps = hop.steps;
            result.tls = hop.tls;
            result.cert = hop.cert;
            result.http = hop.http;
            result.status = hop.http == null ? null : hop.http.status;
        }
        result.totalMs = StepRecorder.millis(System.nanoTime() - startNanos);
        return result;
    }

    private void fail(NetError error, String message) {
        result.ok = false;
        result.error = error.name();
        result.errorMessage = request.cancellation().isCancelled() ? "cancelled by the user" : message;
        if (request.cancellation().isCancelled()) {
            result.error = NetError.ERR_ABORTED.name();
        }
    }

    // --- one hop -----------------------------------------------------------------------------

    private void runHop(HopState hop) throws NavigationException {
        if (new HstsStep(run).upgrade(hop)) {
            return; // internal redirect: nothing left the machine
        }
        // Counted from here: what follows talks to the network, where a peer can stall it.
        Watchdog.Alarm hopAlarm = watchdog.arm(run.deadlines().hop(), "the hop to " + hop.url.host()
                + " (dns, tcp, tls and http together)");
        hop.alarms.add(hopAlarm);
        try {
            runNetworkSteps(hop, hopAlarm);
        } finally {
            hop.alarms.forEach(Watchdog.Alarm::disarm);
        }
    }

    /**
     * The request goes on an idle connection of the same origin and setup when there is one,
     * otherwise on a new connection. When {@link ResendRule} says a failed attempt goes again, the
     * pool is asked anew, as Chromium's {@code ResetConnectionAndRequestForResend} asks its stream
     * factory: an HTTP/2 connection whose stream was refused went back to the pool and carries the
     * retry on its next stream; one that received GOAWAY or closed did not, so a new one does.
     * No loop: a lost connection is closed, and refusals stop after {@link ResendRule#MAX_RETRY_ATTEMPTS}.
     */
    private void runNetworkSteps(HopState hop, Watchdog.Alarm hopAlarm) throws NavigationException {
        RequestMessage message = RequestMessage.of(hop.request, hop.url.requestTarget(), hop.url.hostHeader());
        PoolKey key = connections.keyFor(hop.url);
        ResendRule.Attempts attempts = new ResendRule.Attempts();
        HttpStep.SendAgain lost = null;
        while (true) {
            Optional<PooledConnection> idle = idleConnection(hop, key);
            PooledConnection connection;
            boolean sentAsEarlyData = false;
            if (idle.isPresent()) {
                connection = idle.get();
            } else {
                // A safe request without a body (a navigation GET) may go as TLS 1.3 early data (RFC 8446
                // §2.3, §8: replayable) when the session slot holds a ticket that allows it; the TLS slot
                // decides. Anything else waits for the handshake, as Chromium sends only those early.
                byte[] earlyData = hop.url.secure() && hop.request.safe() && !hop.request.hasBody() ? message.bytes() : null;
                connection = newConnection.open(hop, key, earlyData, hopAlarm, http11Only.contains(key.origin()));
                sentAsEarlyData = connection.channel() != null && connection.channel().earlyDataAccepted();
            }
            if (lost != null && lost.http11Required()) {
                hop.connectionNotes.add("the request is sent again over HTTP/1.1 on new connection #" + connection.id()
                        + ", offering ALPN http/1.1 only, because the server required HTTP/1.1 (HTTP_1_1_REQUIRED on"
                        + " connection #" + lost.lostOn() + ")");
            } else if (lost != null) {
                hop.connectionNotes.add("the request lost on connection #" + lost.lostOn() + " is sent again on "
                        + (idle.isPresent() ? "reused connection #" + connection.id()
                        + (connection.id() == lost.lostOn() ? " (the same connection, its next stream)" : "")
                        : "new connection #" + connection.id()));
            }
            try {
                exchangeOn(hop, connection, hopAlarm, message, idle.isPresent(), sentAsEarlyData, attempts);
                return;
            } catch (HttpStep.SendAgain again) {
                hop.connectionNotes.add(again.getMessage());
                lost = again;
                attempts.record(again.verdict());
                if (again.http11Required()) {
                    // SpdySession::DoDrainSession records it (HttpServerProperties::SetHTTP11Required) for the
                    // origin: this request's new connection, and every later one there, offers http/1.1 alone.
                    http11Only.add(key.origin());
                }
            }
        }
    }

    /** An idle pooled connection for {@code key}, unless the host's HSTS rule no longer allows it. */
    private Optional<PooledConnection> idleConnection(HopState hop, PoolKey key) {
        Optional<PooledConnection> idle = connections.idle(hop, key);
        if (idle.isPresent() && http11Only.contains(key.origin()) && "h2".equals(idle.get().transport().protocol())) {
            // Chromium no longer hands out an HTTP/2 session to a server that required HTTP/1.1 (its stream
            // factory checks HttpServerProperties::RequiresHTTP11 before taking an available session).
            hop.connectionNotes.add(idle.get() + " speaks HTTP/2, which the server of " + key.origin()
                    + " said it does not accept (HTTP_1_1_REQUIRED): not reused, closed");
            idle.get().close();
            return Optional.empty();
        }
        if (idle.isPresent() && hop.hstsHost && idle.get().cert() != null && !idle.get().cert().problems.isEmpty()) {
            // RFC 6797 §12.1: the host became a known HSTS host since this connection's certificate was
            // let through with problems; no request goes on it, and a new handshake meets the rule.
            hop.connectionNotes.add(idle.get() + " was made with certificate problems that " + hop.url.host()
                    + ", now a known HSTS host, no longer allows: not reused, closed");
            idle.get().close();
            return Optional.empty();
        }
        return idle;
    }

    /** One exchange on {@code connection}; afterwards it is kept for the next request or closed. */
    private void exchangeOn(HopState hop, PooledConnection connection, Watchdog.Alarm hopAlarm, RequestMessage message,
                            boolean reused, boolean sentAsEarlyData, ResendRule.Attempts attempts)
            throws NavigationException, HttpStep.SendAgain {
        request.cancellation().closeOnCancel(connection);
        hopAlarm.closeOnExpiry(connection);
        boolean keep = false;
        if (reused) {
            // A reused connection's TLS and certificate are those of the handshake that made it.
            hop.tls = connection.tls();
            hop.cert = connection.cert();
        }
        try {
            new HttpStep(run).exchange(hop, connection, message, reused, connections.mayKeep(), sentAsEarlyData,
                    attempts);
            keep = connection.transport().reusable() && !run.interrupted(hop);
        } catch (HttpStep.SendAgain again) {
            // A stream the server refused leaves its HTTP/2 connection usable (Chromium's
            // SpdySession::OnRstStream closes only the stream): back to the pool, for the retry. A
            // GOAWAY (SpdySession::OnGoAway: MakeUnavailable) or a closed connection is not reusable.
            keep = again.countsAsRetry() && connection.transport().reusable() && !run.interrupted(hop);
            throw again;
        } finally {
            if (connection.channel() != null) {
                // A fresh snapshot: with the NewSessionTicket messages read during the response.
                hop.tls = connection.channel().info();
                connection.handshake(hop.tls, connection.cert());
            }
            request.cancellation().forget(connection);
            connections.release(connection, keep);
        }
    }
}
