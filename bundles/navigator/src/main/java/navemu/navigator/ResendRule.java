package navemu.navigator;

import navemu.api.NetError;

/**
 * Whether a request whose attempt failed before its response headers is sent again, as Chromium
 * decides it in {@code HttpNetworkTransaction::HandleIOError} (net/http/http_network_transaction.cc).
 * One rule for HTTP/1.1 and HTTP/2; where the request then goes is the pool's answer, as in
 * Chromium's {@code ResetConnectionAndRequestForResend}, which asks the stream factory again.
 */
final class ResendRule {
    /**
     * Chromium's {@code kMaxRetryAttempts}: retries (not counting the first attempt) allowed for a
     * refused HTTP/2 stream (or a failed PING); {@code HasExceededMaxRetries()} is
     * {@code retry_attempts_ >= kMaxRetryAttempts}, so the request goes at most three times.
     */
    static final int MAX_RETRY_ATTEMPTS = 2;

    /** What the rule says about one failed attempt. */
    enum Verdict {
        /** The failure is the request's error. */
        FAIL,
        /** Sent again because the connection was reused: the server may have closed it as the request left. */
        RESEND_LOST_ON_REUSED,
        /** Sent again because the server said it did not process it; counts against {@link #MAX_RETRY_ATTEMPTS}. */
        RESEND_REFUSED,
        /**
         * The server answered the HTTP/2 stream with HTTP_1_1_REQUIRED: sent again on a new connection
         * that offers ALPN {@code http/1.1} only; not counted against {@link #MAX_RETRY_ATTEMPTS}.
         */
        RESEND_OVER_HTTP11
    }

    /**
     * What a request's earlier attempts used up, as far as the rule counts them: Chromium's
     * {@code retry_attempts_} (refused streams sent again) and whether it already went again over
     * HTTP/1.1. One per request, across all its attempts.
     */
    static final class Attempts {
        private int refusedRetries;
        private boolean sentOverHttp11;

        /** Notes that a verdict sent the request again. */
        void record(Verdict verdict) {
            if (verdict == Verdict.RESEND_REFUSED) {
                refusedRetries++;
            } else if (verdict == Verdict.RESEND_OVER_HTTP11) {
                sentOverHttp11 = true;
            }
        }

        /** Refused-stream retries made so far. */
        int refusedRetries() {
            return refusedRetries;
        }
    }

    private ResendRule() {
    }

    /**
     * @param error           the attempt's error
     * @param reused          the connection had carried an earlier request ({@code IsConnectionReused})
     * @param responseBegan   some of the response came (HTTP/1.1: a byte; HTTP/2: a frame of our stream),
     *                        which stands for Chromium's "response headers received", or stricter
     * @param before          what this request's earlier attempts used up
     */
    static Verdict decide(NetError error, boolean reused, boolean responseBegan, Attempts before) {
        if (responseBegan) {
            // HandleIOError is only reached before the response headers; after them nothing is resent.
            return Verdict.FAIL;
        }
        return switch (error) {
            // ShouldResendRequest(): only on a reused ("proven") connection, and never counted: the
            // lost connection is closed, so the pool runs out of reused ones and no loop is possible.
            // (Chromium's list also has ERR_CONNECTION_ABORTED and ERR_SOCKET_NOT_CONNECTED, which
            // navemu's transports report as ERR_CONNECTION_CLOSED.)
            case ERR_CONNECTION_RESET, ERR_CONNECTION_CLOSED, ERR_EMPTY_RESPONSE ->
                    reused ? Verdict.RESEND_LOST_ON_REUSED : Verdict.FAIL;
            // New or reused connection alike, until HasExceededMaxRetries(). (Chromium's list also has
            // ERR_HTTP2_PING_FAILED; navemu sends no PING, so it never sees one fail.)
            case ERR_HTTP2_SERVER_REFUSED_STREAM ->
                    before.refusedRetries >= MAX_RETRY_ATTEMPTS ? Verdict.FAIL : Verdict.RESEND_REFUSED;
            // HttpNetworkTransaction::DoSendRequestComplete / DoReadHeadersComplete hand it to
            // HandleHttp11Required, which calls ResetConnectionAndRequestForResend with no counter: the
            // server was recorded as requiring HTTP/1.1 (SpdySession::DoDrainSession), so the next
            // connection speaks HTTP/1.1, which cannot fail this way again; once per request all the same,
            // so that no server (one choosing h2 although only http/1.1 was offered) can make a loop.
            case ERR_HTTP_1_1_REQUIRED -> before.sentOverHttp11 ? Verdict.FAIL : Verdict.RESEND_OVER_HTTP11;
            // Everything else, a read timeout (ERR_TIMED_OUT) among them, is the request's error.
            default -> Verdict.FAIL;
        };
    }
}
