package navemu.navigator;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.LinkDelayedResolver;
import navemu.api.nav.NavigationScope;
import navemu.api.nav.PortHint;
import navemu.api.tcp.Connection;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.navigator.http.Http11Transport;
import navemu.navigator.http.HttpTransport;
import navemu.navigator.http2.HttpTransports;
import navemu.navigator.pool.PoolKey;
import navemu.navigator.pool.PooledConnection;
import navemu.navigator.timing.MeteredConnection;

/**
 * A hop's new connection, the way a browser makes one: dns → tcp → tls (for https://), each a step
 * of its own, ending with the HTTP transport the connection will speak.
 */
final class NewConnection {
    private final RunContext run;
    private final LongSupplier nextId;
    /** What the TLS handshake offers in ALPN (the navigator's {@code http2} setting). */
    private final List<String> alpn;

    /**
     * @param nextId    numbers connections (per navigator: a shell session's connections are #1, #2, …)
     * @param alpnOffer the ALPN list the TLS handshake offers: h2 and http/1.1, or http/1.1 alone
     */
    NewConnection(RunContext run, LongSupplier nextId, List<String> alpnOffer) {
        this.run = run;
        this.nextId = nextId;
        this.alpn = alpnOffer;
    }

    /**
     * Makes the connection and, for https://, its TLS channel.
     *
     * @param earlyData the request, when it may go as TLS 1.3 early data; null otherwise
     * @param hopAlarm  the hop's deadline, which closes the connection when it passes
     * @param http11Required the origin's server required HTTP/1.1 (HTTP_1_1_REQUIRED): ALPN offers http/1.1 alone
     * @return the connection, ready for requests; the caller closes it (or keeps it for reuse)
     */
    PooledConnection open(HopState hop, PoolKey key, byte[] earlyData, Watchdog.Alarm hopAlarm, boolean http11Required)
            throws NavigationException {
        DnsAnswer answer = dnsStep(hop);
        int port = choosePort(hop, answer);
        PooledConnection connection = tcpStep(hop, key, answer.addresses(), port);
        run.request().cancellation().closeOnCancel(connection);
        hopAlarm.closeOnExpiry(connection);
        try {
            if (hop.url.secure()) {
                SecureChannel channel = tlsStep(hop, connection.metered(), port, earlyData,
                        http11Required ? HttpTransports.ALPN_HTTP11_ONLY : alpn);
                connection.handshake(hop.tls, hop.cert);
                connection.ready(channel, transportFor(channel, hop));
            } else {
                MeteredConnection plain = connection.metered();
                connection.ready(null, new Http11Transport(plain.input(), plain.output(), hop.url.hostHeader()));
            }
            return connection;
        } catch (IOException e) {
            connection.close();
            throw run.interruptedOr(hop, new NavigationException(NetError.ERR_CONNECTION_CLOSED,
                    "connection failed: " + e.getMessage(), e));
        } catch (NavigationException | RuntimeException e) {
            connection.close();
            throw e;
        } finally {
            run.request().cancellation().forget(connection);
        }
    }

    /** The protocol the TLS handshake agreed on (ALPN), spoken over its channel. */
    private static HttpTransport transportFor(SecureChannel channel, HopState hop) throws IOException {
        return HttpTransports.forProtocol(channel.info() == null ? null : channel.info().alpn(),
                channel.input(), channel.output(), hop.url.hostHeader());
    }

    private DnsAnswer dnsStep(HopState hop) throws NavigationException {
        StepRecorder step = run.step("dns", run.slots().names().get(Slot.DNS));
        hop.sayConnectionNotes(step);
        try {
            scopeNote(step, run.slots().ownDnsCache(), "DNS cache", "its resolver keeps no cache");
            DnsAnswer answer = resolve(hop.url.host(), step);
            step.detail("addresses", answer.addresses().stream().map(InetAddress::getHostAddress).toList());
            step.detail("fromCache", answer.fromCache());
            hop.steps.add(step.succeed());
            return answer;
        } catch (NavigationException e) {
            NavigationException reported = run.interruptedOr(hop, e);
            hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            throw reported;
        } catch (RuntimeException e) {
            hop.steps.add(step.fail(NetError.ERR_NAME_RESOLUTION_FAILED, "resolver failed: " + e));
            throw new NavigationException(NetError.ERR_NAME_RESOLUTION_FAILED, "resolver failed: " + e);
        }
    }

    /**
     * On an emulated link the DNS queries cross the same network as the connection, when the
     * resolver sends its own; any other resolver's time is the real network's, and the trace says so.
     */
    private DnsAnswer resolve(String host, StepRecorder step) throws NavigationException {
        Duration oneWayDelay = run.slots().tcp().oneWayDelay();
        if (run.slots().dns() instanceof LinkDelayedResolver delayed) {
            return delayed.resolve(host, oneWayDelay, step);
        }
        if (!oneWayDelay.isZero()) {
            step.info("this resolver's queries do not cross the emulated link (" + oneWayDelay.toMillis()
                    + " ms each way): its time is the real network's");
        }
        return run.slots().dns().resolve(host, step);
    }

    /** Says, in a navigation with its own scope, whether this step uses the scope's state or has none to keep. */
    private void scopeNote(StepRecorder step, boolean isolated, String what, String whyNone) {
        NavigationScope scope = run.request().scope();
        if (scope == null) {
            return;
        }
        step.detail("scope", scope.name());
        step.info(isolated ? "this navigation's own " + what + " (" + scope + "), not the shared one"
                : "nothing to isolate in " + scope + ": " + whyNone);
    }

    /** The URL's port; else an HTTPS record's (RFC 9460); else the lab's port map; else 443/80. Always said. */
    private int choosePort(HopState hop, DnsAnswer answer) {
        if (hop.url.explicitPort() > 0) {
            hop.portSource = "URL";
            return hop.url.explicitPort();
        }
        if (hop.url.secure() && answer.port() != null) {
            hop.portSource = answer.portSource() == null ? "DNS HTTPS record" : answer.portSource();
            return answer.port();
        }
        Optional<PortHint> hint = run.portMap().apply(hop.url);
        if (hint.isPresent()) {
            hop.portSource = hint.get().source();
            return hint.get().port();
        }
        hop.portSource = "default for " + hop.url.scheme();
        return hop.url.defaultPort();
    }

    private PooledConnection tcpStep(HopState hop, PoolKey key, List<InetAddress> addresses, int port)
            throws NavigationException {
        StepRecorder step = run.step("tcp", run.slots().names().get(Slot.TCP));
        step.detail("port", port);
        step.detail("portSource", hop.portSource);
        step.info("port " + port + " (from " + hop.portSource + ")");
        try {
            Connection connection = run.slots().tcp().connect(addresses, port, run.request().timeout(), step);
            connection.setReadTimeout(run.request().timeout());
            step.detail("remote", connection.remote().toString());
            step.detail("local", connection.local().toString());
            long id = nextId.getAsLong();
            step.detail("connection", id);
            step.info("connection #" + id);
            hop.steps.add(step.succeed());
            return new PooledConnection(id, key, run.now(), hop.url.toString(), connection);
        } catch (NavigationException e) {
            NavigationException reported = run.interruptedOr(hop, e);
            hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            throw reported;
        } catch (IOException | RuntimeException e) {
            hop.steps.add(step.fail(NetError.ERR_CONNECTION_FAILED, "connect failed: " + e));
            throw new NavigationException(NetError.ERR_CONNECTION_FAILED, "connect failed: " + e);
        }
    }

    private SecureChannel tlsStep(HopState hop, MeteredConnection connection, int port, byte[] earlyData,
                                  List<String> alpnOffer) throws NavigationException {
        StepRecorder step = run.step("tls", run.slots().names().get(Slot.TLS));
        step.meter(connection);
        if (alpnOffer != alpn) {
            step.info("ALPN offers http/1.1 only: the server of " + hop.url.host()
                    + " required HTTP/1.1 (HTTP_1_1_REQUIRED) earlier in this session");
            step.detail("alpnOffered", alpnOffer);
        }
        TlsRequest tlsRequest = new TlsRequest(hop.url.host(), port, alpnOffer, earlyData, run.request().timeout());
        VerdictRecorder validator = new VerdictRecorder(run.slots().cert());
        scopeNote(step, run.slots().ownSessions(),
                "session store", "the session store keeps nothing or cannot make a private one");
        TlsContext context = new TlsContext(validator, run.slots().session(), run.now(), run.request().keyLog());
        try {
            SecureChannel channel;
            try {
                channel = run.slots().tls().handshake(tlsRequest, connection, context, step);
            } finally {
                // Kept even when the handshake failed: a rejected chain is explained in the result.
                hop.cert = validator.lastVerdict().map(v -> v.info()).orElse(null);
            }
            hop.tls = channel.info();
            if (channel.verdict() != null && channel.verdict().info() != null) {
                hop.cert = channel.verdict().info();
            }
            if (hop.tls != null) {
                step.detail("version", hop.tls.version());
                step.detail("cipherSuite", hop.tls.cipherSuite());
                step.detail("resumed", hop.tls.resumed());
            }
            if (hop.hstsHost && hop.cert != null && !hop.cert.problems.isEmpty()) {
                // RFC 6797 §12.1: no click-through on an HSTS host, whatever the validator allowed.
                String why = "HSTS host " + hop.url.host() + ": certificate errors cannot be bypassed ("
                        + hop.cert.problems.get(0) + ")";
                NetError code = hop.cert.error == null ? NetError.ERR_CERT_INVALID : NetError.valueOf(hop.cert.error);
                closeQuietly(channel);
                hop.steps.add(step.fail(code, why));
                throw new NavigationException(code, why);
            }
            hop.steps.add(step.succeed());
            return channel;
        } catch (NavigationException e) {
            if (e instanceof HandshakeFailedException failed) {
                hop.tls = failed.partial(); // how far the handshake got
            }
            NavigationException reported = step.finished() ? e : run.interruptedOr(hop, e);
            if (!step.finished()) {
                hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            }
            throw reported;
        } catch (RuntimeException e) {
            closeQuietly(connection);
            NavigationException reported = run.interruptedOr(hop, new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR,
                    "TLS implementation failed: " + e));
            hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            throw reported;
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // Giving up on the connection; a failed close changes nothing the user can act on.
        }
    }
}
