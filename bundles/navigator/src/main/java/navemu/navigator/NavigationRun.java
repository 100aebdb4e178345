package navemu.navigator;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsUpdate;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.LinkDelayedResolver;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.NavigationScope;
import navemu.api.nav.PortHint;
import navemu.api.nav.RequestOptions;
import navemu.api.result.Header;
import navemu.api.result.CertInfo;
import navemu.api.result.Hop;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.NavigationListener;
import navemu.navigator.http.Http11Transport;
import navemu.navigator.http.HttpProtocolException;
import navemu.navigator.http.HttpResponse;
import navemu.navigator.http.HttpTransport;
import navemu.navigator.http.RequestMessage;
import navemu.navigator.http2.HttpTransports;
import navemu.navigator.timing.MeteredConnection;

/**
 * One navigation, hop by hop, the way a browser does it:
 * hsts → dns → tcp → tls → http, then a redirect starts the next hop.
 *
 * <p>Each hop is recorded as its steps; the result's top-level objects describe the last hop,
 * {@code redirects} the hops before it. A failure ends the navigation with the browser error
 * code of the step that failed.
 */
final class NavigationRun {
    /** Chromium's limit (net/url_request/url_request.cc kMaxRedirects). */
    static final int MAX_REDIRECTS = 20;
    /** What the TLS handshake offers in ALPN (the navigator's {@code http2} setting). */
    private List<String> alpn = HttpTransports.ALPN_WITH_H2;

    private final NavigationRequest request;
    private final Snapshot slots;
    private final Function<TargetUrl, Optional<PortHint>> portMap;
    private final NavigationListener listener;
    private final Deadlines deadlines;
    private final Watchdog watchdog = new Watchdog();
    private final long startNanos = System.nanoTime();
    private final NavigationResult result = new NavigationResult();

    NavigationRun(NavigationRequest request, Snapshot slots, Function<TargetUrl, Optional<PortHint>> portMap,
                  Deadlines deadlines) {
        this.request = request;
        this.deadlines = deadlines;
        this.slots = slots;
        this.portMap = portMap;
        this.listener = new SafeListener(request.listener());
    }

    NavigationRun offering(List<String> alpnOffer) {
        this.alpn = alpnOffer;
        return this;
    }

    /** Runs the navigation to its end; never throws for a failed navigation. */
    NavigationResult run() {
        result.url = request.url();
        result.startedAt = Instant.now(request.clock()).toString();
        result.composition = slots.namesForResult();
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
        if (hstsStep(hop)) {
            return; // internal redirect: nothing left the machine
        }
        // Counted from here: what follows talks to the network, where a peer can stall it.
        Watchdog.Alarm hopAlarm = watchdog.arm(deadlines.hop(), "the hop to " + hop.url.host()
                + " (dns, tcp, tls and http together)");
        hop.alarms.add(hopAlarm);
        try {
            runNetworkSteps(hop, hopAlarm);
        } finally {
            hop.alarms.forEach(Watchdog.Alarm::disarm);
        }
    }

    private void runNetworkSteps(HopState hop, Watchdog.Alarm hopAlarm) throws NavigationException {
        DnsAnswer answer = dnsStep(hop);
        int port = choosePort(hop, answer);
        // Timed from here on: each step's reads and writes on it are its network time.
        MeteredConnection connection = new MeteredConnection(tcpStep(hop, answer.addresses(), port));
        request.cancellation().closeOnCancel(connection);
        hopAlarm.closeOnExpiry(connection);
        try {
            RequestMessage message = RequestMessage.of(hop.request, hop.url.requestTarget(), hop.url.hostHeader());
            if (hop.url.secure()) {
                // A safe request without a body (a navigation GET) may go as TLS 1.3 early data (RFC 8446
                // §2.3, §8: replayable) when the session slot holds a ticket that allows it; the TLS slot
                // decides. Anything else waits for the handshake, as Chromium sends only those early.
                byte[] earlyData = hop.request.safe() && !hop.request.hasBody() ? message.bytes() : null;
                SecureChannel channel = tlsStep(hop, connection, port, earlyData);
                request.cancellation().closeOnCancel(channel);
                try {
                    HttpTransport transport = HttpTransports.forProtocol(channel.info() == null ? null
                            : channel.info().alpn(), channel.input(), channel.output(), hop.url.hostHeader());
                    try {
                        httpStep(hop, connection, transport, true, message, channel.earlyDataAccepted());
                    } finally {
                        closeQuietly(transport); // HTTP/2 says GOAWAY before the TLS close_notify
                    }
                } catch (IOException e) {
                    throw interruptedOr(hop, new NavigationException(NetError.ERR_CONNECTION_CLOSED,
                            "TLS channel failed: " + e.getMessage(), e));
                } finally {
                    hop.tls = channel.info(); // a fresh snapshot: with the NewSessionTicket messages read during the response
                    closeQuietly(channel);
                }
            } else {
                try {
                    HttpTransport transport = new Http11Transport(connection.input(), connection.output(),
                            hop.url.hostHeader());
                    httpStep(hop, connection, transport, false, message, false);
                } catch (IOException e) {
                    throw interruptedOr(hop, new NavigationException(NetError.ERR_CONNECTION_CLOSED,
                            "connection failed: " + e.getMessage(), e));
                }
            }
        } finally {
            closeQuietly(connection);
            request.cancellation().forget(connection);
        }
    }

    /**
     * RFC 6797 §8.3: an http:// URL for a known HSTS host becomes https:// before any packet
     * leaves (the browser's internal 307). Returns true when the hop ended that way.
     */
    private boolean hstsStep(HopState hop) throws NavigationException {
        StepRecorder step = new StepRecorder(listener, "hsts", slots.names().get(navemu.api.Slot.HSTS), startNanos);
        Optional<HstsPolicy> policy;
        try {
            policy = hop.url.hostIsIpLiteral() ? Optional.empty() : slots.hsts().lookup(hop.url.host(), now());
        } catch (RuntimeException e) {
            hop.steps.add(step.fail(NetError.ERR_FAILED, "hsts lookup failed: " + e));
            throw new NavigationException(NetError.ERR_FAILED, "hsts lookup failed: " + e);
        }
        hop.hstsHost = policy.isPresent();
        policy.ifPresent(p -> step.detail("policy", p.host() + (p.includeSubDomains() ? " (includeSubDomains)" : "")
                + ", " + p.source() + ", expires " + p.expires()));
        if (policy.isPresent() && !hop.url.secure()) {
            TargetUrl upgraded = hop.url.upgradedToHttps();
            step.info("HSTS: " + hop.url.host() + " is a known HSTS host; upgrading to " + upgraded
                    + " before any request is sent (internal 307)");
            step.detail("upgraded", upgraded.toString());
            hop.steps.add(step.succeed());
            hop.internalUpgrade = true;
            hop.status = 307;
            hop.next = upgraded;
            result.hsts.upgraded = true;
            return true;
        }
        step.detail("known", policy.isPresent());
        step.info(policy.isPresent() ? "HSTS host: only https:// is allowed, certificate errors cannot be bypassed"
                : "no HSTS entry for " + hop.url.host());
        hop.steps.add(step.succeed());
        return false;
    }

    private DnsAnswer dnsStep(HopState hop) throws NavigationException {
        StepRecorder step = new StepRecorder(listener, "dns", slots.names().get(navemu.api.Slot.DNS), startNanos);
        try {
            scopeNote(step, slots.ownDnsCache(), "DNS cache", "its resolver keeps no cache");
            DnsAnswer answer = resolve(hop.url.host(), step);
            step.detail("addresses", answer.addresses().stream().map(InetAddress::getHostAddress).toList());
            step.detail("fromCache", answer.fromCache());
            hop.steps.add(step.succeed());
            return answer;
        } catch (NavigationException e) {
            NavigationException reported = interruptedOr(hop, e);
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
        Duration oneWayDelay = slots.tcp().oneWayDelay();
        if (slots.dns() instanceof LinkDelayedResolver delayed) {
            return delayed.resolve(host, oneWayDelay, step);
        }
        if (!oneWayDelay.isZero()) {
            step.info("this resolver's queries do not cross the emulated link (" + oneWayDelay.toMillis()
                    + " ms each way): its time is the real network's");
        }
        return slots.dns().resolve(host, step);
    }

    /** Says, in a navigation with its own scope, whether this step uses the scope's state or has none to keep. */
    private void scopeNote(StepRecorder step, boolean isolated, String what, String whyNone) {
        NavigationScope scope = request.scope();
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
        Optional<PortHint> hint = portMap.apply(hop.url);
        if (hint.isPresent()) {
            hop.portSource = hint.get().source();
            return hint.get().port();
        }
        hop.portSource = "default for " + hop.url.scheme();
        return hop.url.defaultPort();
    }

    private Connection tcpStep(HopState hop, List<InetAddress> addresses, int port) throws NavigationException {
        StepRecorder step = new StepRecorder(listener, "tcp", slots.names().get(navemu.api.Slot.TCP), startNanos);
        step.detail("port", port);
        step.detail("portSource", hop.portSource);
        step.info("port " + port + " (from " + hop.portSource + ")");
        try {
            Connection connection = slots.tcp().connect(addresses, port, request.timeout(), step);
            connection.setReadTimeout(request.timeout());
            step.detail("remote", connection.remote().toString());
            step.detail("local", connection.local().toString());
            hop.steps.add(step.succeed());
            return connection;
        } catch (NavigationException e) {
            NavigationException reported = interruptedOr(hop, e);
            hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            throw reported;
        } catch (IOException | RuntimeException e) {
            hop.steps.add(step.fail(NetError.ERR_CONNECTION_FAILED, "connect failed: " + e));
            throw new NavigationException(NetError.ERR_CONNECTION_FAILED, "connect failed: " + e);
        }
    }

    private SecureChannel tlsStep(HopState hop, MeteredConnection connection, int port, byte[] earlyData)
            throws NavigationException {
        StepRecorder step = new StepRecorder(listener, "tls", slots.names().get(navemu.api.Slot.TLS), startNanos);
        step.meter(connection);
        TlsRequest tlsRequest = new TlsRequest(hop.url.host(), port, alpn, earlyData, request.timeout());
        VerdictRecorder validator = new VerdictRecorder(slots.cert());
        scopeNote(step, slots.ownSessions(),
                "session store", "the session store keeps nothing or cannot make a private one");
        TlsContext context = new TlsContext(validator, slots.session(), now(), request.keyLog());
        try {
            SecureChannel channel;
            try {
                channel = slots.tls().handshake(tlsRequest, connection, context, step);
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
            NavigationException reported = step.finished() ? e : interruptedOr(hop, e);
            if (!step.finished()) {
                hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            }
            throw reported;
        } catch (RuntimeException e) {
            closeQuietly(connection);
            NavigationException reported = interruptedOr(hop, new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR,
                    "TLS implementation failed: " + e));
            hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            throw reported;
        }
    }

    private void httpStep(HopState hop, MeteredConnection connection, HttpTransport transport, boolean secure,
                          RequestMessage message, boolean sentAsEarlyData) throws NavigationException {
        StepRecorder step = new StepRecorder(listener, "http", "", startNanos);
        step.meter(connection);
        HttpInfo http = new HttpInfo();
        http.method = message.method();
        http.requestTarget = message.target();
        http.requestHeaders = new ArrayList<>(transport.requestHeaders(message));
        http.requestBodyBytes = message.body().length;
        http.insecure = !secure;
        if (!secure) {
            step.info("plain http://: the request and response travel unencrypted");
        }
        if (hop.requestNote != null) {
            step.info("after the redirect: " + hop.requestNote);
            step.detail("redirectChangedRequest", hop.requestNote);
        }
        Watchdog.Alarm headersAlarm = watchdog.arm(deadlines.responseHeaders(), "the response headers");
        headersAlarm.closeOnExpiry(connection);
        hop.alarms.add(headersAlarm);
        Runnable headersRead = () -> {
            headersAlarm.disarm();
            Watchdog.Alarm bodyAlarm = watchdog.arm(deadlines.responseBody(), "the response body");
            bodyAlarm.closeOnExpiry(connection);
            hop.alarms.add(bodyAlarm);
        };
        if (sentAsEarlyData) {
            step.info("the request already went as TLS 1.3 early data (0-RTT), accepted by the server: not sent again");
            step.detail("earlyData", true);
        }
        HttpResponse response;
        try {
            HttpTransport.Exchange exchange = transport.exchange(message, sentAsEarlyData, step, headersRead);
            response = exchange.response();
            recordPhases(step, exchange.sendStartNanos(), exchange.sentNanos(), exchange.firstByteNanos(),
                    System.nanoTime());
        } catch (IOException e) {
            NavigationException reported = interruptedOr(hop, httpFailure(e));
            hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            throw reported;
        }
        http.version = response.version();
        http.status = response.status();
        http.reason = response.reason();
        for (Map.Entry<String, String> h : response.headers()) {
            http.headers.add(new Header(h.getKey(), h.getValue()));
        }
        http.bodyBytes = response.bodyBytes();
        http.bodyPreview = response.bodyPreview();
        http.bodyPreviewBytes = response.bodyPreviewBytes();
        http.truncated = response.truncated();
        hop.http = http;
        hop.status = response.status();
        step.detail("status", response.status());
        step.detail("bodyBytes", response.bodyBytes());
        response.notes().forEach(step::info);
        if (response.truncated()) {
            step.detail("truncated", true);
        }
        observeHsts(hop, response, secure, step);
        if (response.isRedirect()) {
            String location = response.first("Location");
            if (location == null) {
                step.info("redirect status " + response.status() + " without a Location header: shown as the final response");
            } else {
                hop.next = hop.url.resolve(location);
                step.detail("location", hop.next.toString());
                step.info("redirect " + response.status() + " to " + hop.next);
            }
        }
        hop.steps.add(step.succeed());
    }

    /** What an exception from the HTTP exchange means to the user. */
    private NavigationException httpFailure(IOException e) {
        if (e instanceof HttpProtocolException protocol) {
            return new NavigationException(protocol.error(), protocol.getMessage());
        }
        if (e instanceof SocketTimeoutException) {
            return new NavigationException(NetError.ERR_TIMED_OUT, "no response within " + request.timeout().toMillis()
                    + " ms (the longest a single read may wait)");
        }
        return new NavigationException(NetError.ERR_CONNECTION_CLOSED,
                "the connection failed during the HTTP exchange: " + e.getMessage());
    }

    /**
     * When the user cancelled (Ctrl-C) or a deadline passed, the connection was closed under a
     * step: that step's failure is the cancel (ERR_ABORTED) or the deadline (ERR_TIMED_OUT,
     * saying which), not the closed socket it saw.
     */
    private NavigationException interruptedOr(HopState hop, NavigationException failure) {
        if (request.cancellation().isCancelled()) {
            // Ctrl-C closed the connection under the step: what it saw (a reset, a closed socket)
            // is the consequence; the step, like the navigation, was aborted (Chromium: ERR_ABORTED).
            return new NavigationException(NetError.ERR_ABORTED, "cancelled by the user (the step then saw: "
                    + failure.getMessage() + ")", failure);
        }
        Watchdog.Alarm first = null;
        for (Watchdog.Alarm alarm : hop.alarms) {
            if (alarm.fired() && (first == null || alarm.firedAtNanos() < first.firedAtNanos())) {
                first = alarm;
            }
        }
        if (first == null) {
            return failure;
        }
        return new NavigationException(NetError.ERR_TIMED_OUT, first.describe() + ", so navemu closed the connection"
                + " (the step then saw: " + failure.getMessage() + ")", failure);
    }

    /** The HAR / DevTools phases of the exchange: send, wait (time to first byte), receive. */
    private static void recordPhases(StepRecorder step, long start, long sent, long firstByte, long end) {
        long first = firstByte == 0 ? end : firstByte;
        step.detail("sendMs", StepRecorder.millis(sent - start));
        step.detail("waitMs", StepRecorder.millis(first - sent));
        step.detail("receiveMs", StepRecorder.millis(end - first));
    }

    /** RFC 6797 §8.1: the store decides what to take; the navigator tells it how the response came. */
    private void observeHsts(HopState hop, HttpResponse response, boolean secure, StepRecorder step) {
        List<String> headers = response.values("Strict-Transport-Security");
        if (headers.isEmpty()) {
            return;
        }
        boolean certificateOk = secure && hop.cert != null && hop.cert.problems.isEmpty();
        try {
            HstsUpdate update = slots.hsts().observe(
                    new HstsObservation(hop.url.host(), headers, secure, certificateOk), now());
            result.hsts.header = headers.get(0);
            result.hsts.note = update.note();
            result.hsts.stored |= update.changed();
            step.info("Strict-Transport-Security: " + update.note());
            step.detail("hsts", update.note());
        } catch (RuntimeException e) {
            step.info("hsts store failed to take the header: " + e);
        }
    }

    private Instant now() {
        return Instant.now(request.clock());
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // The exchange is over; a failed close changes nothing the user can act on.
        }
    }

    /** What one hop found, until it becomes the result or a {@link Hop}. */
    private static final class HopState {
        final TargetUrl url;
        final List<StepResult> steps = new ArrayList<>();
        /** The deadlines counted for this hop; several may be armed at once (the hop's, the response's). */
        final List<Watchdog.Alarm> alarms = new java.util.concurrent.CopyOnWriteArrayList<>();
        boolean hstsHost;
        boolean internalUpgrade;
        String portSource;
        Integer status;
        TargetUrl next;
        TlsInfo tls;
        CertInfo cert;
        HttpInfo http;
        /** What this hop sends: the user's request, or what a redirect made of it. */
        final RequestOptions request;
        /** How the redirect that led here changed the request, or null. */
        final String requestNote;

        HopState(TargetUrl url, RequestOptions request, String requestNote) {
            this.url = url;
            this.request = request;
            this.requestNote = requestNote;
        }

        Hop toHop() {
            Hop hop = new Hop();
            hop.url = url.toString();
            hop.status = status;
            hop.location = next == null ? null : next.toString();
            hop.internal = internalUpgrade;
            hop.steps = steps;
            hop.tls = tls;
            hop.cert = cert;
            hop.http = http;
            return hop;
        }
    }
}
