package navemu.navigator;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsUpdate;
import navemu.api.result.Header;
import navemu.api.result.HttpInfo;
import navemu.navigator.http.HttpProtocolException;
import navemu.navigator.http.HttpResponse;
import navemu.navigator.http.HttpTransport;
import navemu.navigator.http.RequestMessage;
import navemu.navigator.pool.PooledConnection;

/**
 * The http step: one request and its response on a connection, new or reused, with the
 * response's deadlines, the HAR phases, the STS header handed to the HSTS store and the redirect's
 * target.
 */
final class HttpStep {
    private final RunContext run;

    HttpStep(RunContext run) {
        this.run = run;
    }

    /**
     * Thrown instead of a failure when {@link ResendRule} says the request goes again: the
     * navigation then asks the pool for a connection anew, as Chromium's
     * {@code ResetConnectionAndRequestForResend} asks its stream factory.
     */
    static final class SendAgain extends Exception {
        private final long lostOn;
        private final ResendRule.Verdict verdict;

        SendAgain(long lostOn, ResendRule.Verdict verdict, String message, Throwable cause) {
            super(message, cause);
            this.lostOn = lostOn;
            this.verdict = verdict;
        }

        /** Why the request goes again: what {@link ResendRule} said of the lost attempt. */
        ResendRule.Verdict verdict() {
            return verdict;
        }

        /** The server required HTTP/1.1: the request goes again on a new connection offering {@code http/1.1} only. */
        boolean http11Required() {
            return verdict == ResendRule.Verdict.RESEND_OVER_HTTP11;
        }

        /** The number of the connection the request was lost on. */
        long lostOn() {
            return lostOn;
        }

        /** A refused stream: counts against {@link ResendRule#MAX_RETRY_ATTEMPTS} (Chromium's {@code retry_attempts_}). */
        boolean countsAsRetry() {
            return verdict == ResendRule.Verdict.RESEND_REFUSED;
        }
    }

    /**
     * @param reused          the connection carried an earlier request
     * @param mayKeep         the navigation keeps connections for reuse (not {@code --new-connection})
     * @param sentAsEarlyData the request already went as TLS 1.3 early data
     * @param attempts        what this request's earlier attempts used up (see {@link ResendRule})
     */
    void exchange(HopState hop, PooledConnection connection, RequestMessage message, boolean reused,
                  boolean mayKeep, boolean sentAsEarlyData, ResendRule.Attempts attempts)
            throws NavigationException, SendAgain {
        boolean secure = connection.channel() != null;
        StepRecorder step = run.step("http", "");
        step.meter(connection.metered());
        hop.sayConnectionNotes(step);
        step.detail("connection", connection.id());
        step.detail("reused", reused);
        if (reused) {
            step.info("reused connection #" + connection.id() + " (made at " + connection.madeAt() + " for "
                    + connection.madeFor() + "): no DNS lookup, TCP connect or TLS handshake for this request");
            if (secure) {
                step.info("TLS from connection #" + connection.id() + ", made at " + connection.madeAt()
                        + ": the handshake and certificate shown are that connection's");
            }
        }
        HttpInfo http = new HttpInfo();
        http.method = message.method();
        http.requestTarget = message.target();
        http.requestHeaders = new ArrayList<>(connection.transport().requestHeaders(message));
        http.requestBodyBytes = message.body().length;
        http.insecure = !secure;
        if (!secure) {
            step.info("plain http://: the request and response travel unencrypted");
        }
        if (hop.requestNote != null) {
            step.info("after the redirect: " + hop.requestNote);
            step.detail("redirectChangedRequest", hop.requestNote);
        }
        List<Watchdog.Alarm> mine = new java.util.concurrent.CopyOnWriteArrayList<>();
        Watchdog.Alarm headersAlarm = run.watchdog().arm(run.deadlines().responseHeaders(), "the response headers");
        headersAlarm.closeOnExpiry(connection);
        hop.alarms.add(headersAlarm);
        mine.add(headersAlarm);
        Runnable headersRead = () -> {
            headersAlarm.disarm();
            Watchdog.Alarm bodyAlarm = run.watchdog().arm(run.deadlines().responseBody(), "the response body");
            bodyAlarm.closeOnExpiry(connection);
            hop.alarms.add(bodyAlarm);
            mine.add(bodyAlarm);
        };
        if (sentAsEarlyData) {
            step.info("the request already went as TLS 1.3 early data (0-RTT), accepted by the server: not sent again");
            step.detail("earlyData", true);
        }
        HttpTransport transport = connection.transport();
        HttpResponse response;
        try {
            HttpTransport.Exchange exchange = transport.exchange(message, sentAsEarlyData, step, headersRead);
            response = exchange.response();
            recordPhases(step, exchange.sendStartNanos(), exchange.sentNanos(), exchange.firstByteNanos(),
                    System.nanoTime());
        } catch (IOException e) {
            // One decision for both protocols, Chromium's (see ResendRule); never after an alarm or Ctrl-C.
            NetError lost = failure(e).error();
            ResendRule.Verdict verdict = run.interrupted(hop) ? ResendRule.Verdict.FAIL
                    : ResendRule.decide(lost, reused, !transport.lostBeforeResponse(), attempts);
            if (verdict != ResendRule.Verdict.FAIL) {
                String why = sendAgainBecause(verdict, connection, reused, lost, e, attempts);
                step.fail(lost, why); // the trace keeps the attempt; the hop goes on
                throw new SendAgain(connection.id(), verdict, why, e);
            }
            NavigationException reported = run.interruptedOr(hop, failure(e));
            hop.steps.add(step.fail(reported.error(), reported.getMessage()));
            throw reported;
        } finally {
            mine.forEach(Watchdog.Alarm::disarm);
        }
        connection.exchanged();
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
        if (!mayKeep) {
            step.info("connection #" + connection.id() + " closed after the response: this navigation makes a new"
                    + " connection for every request (--new-connection, or reuse = false)");
        } else if (transport.reusable()) {
            step.info("connection #" + connection.id() + " kept open for the next request to "
                    + connection.key().origin() + " (HTTP keep-alive)");
        } else {
            step.info("connection #" + connection.id() + " closed after the response: "
                    + transport.notReusableBecause());
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

    /** Why a lost request goes again, for the trace: the attempt, its error and where it goes. */
    private static String sendAgainBecause(ResendRule.Verdict verdict, PooledConnection connection, boolean reused,
                                           NetError lost, IOException e, ResendRule.Attempts attempts) {
        String attempt = "the request on " + (reused ? "reused" : "new") + " connection #" + connection.id();
        return switch (verdict) {
            case RESEND_OVER_HTTP11 -> "the server answered " + attempt
                    + " with HTTP_1_1_REQUIRED (" + lost + ": " + e.getMessage() + "): it requires HTTP/1.1 for "
                    + connection.key().origin() + "; the request goes again over HTTP/1.1 on a new connection, as Chrome does";
            case RESEND_REFUSED -> attempt + " failed before any byte of a response came (" + lost + ": " + e.getMessage()
                    + "): the server did not process it; sent again (retry " + (attempts.refusedRetries() + 1)
                    + " of at most " + ResendRule.MAX_RETRY_ATTEMPTS + ") on the connection the pool gives, as Chrome does";
            case RESEND_LOST_ON_REUSED -> attempt + " failed before any byte of a response came (" + lost + ": "
                    + e.getMessage() + "): the server may have closed it while idle; sent again on the connection the"
                    + " pool gives, as Chrome does";
            case FAIL -> throw new IllegalArgumentException("a failed attempt is not sent again");
        };
    }

    /** What an exception from the HTTP exchange means to the user. */
    private NavigationException failure(IOException e) {
        if (e instanceof HttpProtocolException protocol) {
            return new NavigationException(protocol.error(), protocol.getMessage());
        }
        if (e instanceof SocketTimeoutException) {
            return new NavigationException(NetError.ERR_TIMED_OUT, "no response within "
                    + run.request().timeout().toMillis() + " ms (the longest a single read may wait)");
        }
        return new NavigationException(NetError.ERR_CONNECTION_CLOSED,
                "the connection failed during the HTTP exchange: " + e.getMessage());
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
            HstsUpdate update = run.slots().hsts().observe(
                    new HstsObservation(hop.url.host(), headers, secure, certificateOk), run.now());
            run.result().hsts.header = headers.get(0);
            run.result().hsts.note = update.note();
            run.result().hsts.stored |= update.changed();
            step.info("Strict-Transport-Security: " + update.note());
            step.detail("hsts", update.note());
        } catch (RuntimeException e) {
            step.info("hsts store failed to take the header: " + e);
        }
    }
}
