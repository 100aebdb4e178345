package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;
import navemu.navigator.ResendRule.Verdict;

/**
 * Chromium's table from {@code HttpNetworkTransaction::HandleIOError}, row by row: the
 * connection errors only from a reused connection, a refused stream from any connection until
 * {@code retry_attempts_ >= kMaxRetryAttempts} (2), nothing after the response began, and a
 * timeout never. The loopback tests (Http2RetryTest, ConnectionReuseTest) show where each retry goes.
 */
class ResendRuleTest {
    @Test
    void aLostConnectionIsResentOnlyWhenItWasReused() {
        for (NetError lost : new NetError[] {NetError.ERR_CONNECTION_RESET, NetError.ERR_CONNECTION_CLOSED,
                NetError.ERR_EMPTY_RESPONSE}) {
            assertEquals(Verdict.RESEND_LOST_ON_REUSED, ResendRule.decide(lost, true, false, after(0)), lost.name());
            assertEquals(Verdict.FAIL, ResendRule.decide(lost, false, false, after(0)), lost.name());
            // ShouldResendRequest() does not count: a third loss on yet another reused connection goes again too.
            assertEquals(Verdict.RESEND_LOST_ON_REUSED, ResendRule.decide(lost, true, false, after(2)), lost.name());
        }
    }

    @Test
    void aRefusedStreamIsResentFromAnyConnectionTwiceAtMost() {
        assertEquals(2, ResendRule.MAX_RETRY_ATTEMPTS);
        for (boolean reused : new boolean[] {false, true}) {
            assertEquals(Verdict.RESEND_REFUSED, ResendRule.decide(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, reused, false, after(0)));
            assertEquals(Verdict.RESEND_REFUSED, ResendRule.decide(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, reused, false, after(1)));
            assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, reused, false, after(2)));
        }
    }

    @Test
    void aTimeoutIsNeverResent() {
        assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_TIMED_OUT, true, false, after(0)));
        assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_TIMED_OUT, false, false, after(0)));
    }

    @Test
    void nothingIsResentOnceTheResponseBegan() {
        assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_CONNECTION_CLOSED, true, true, after(0)));
        assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, true, true, after(0)));
    }

    @Test
    void http11RequiredIsResentOverHttp11FromAnyConnectionWithoutCountingAsARetry() {
        // HandleHttp11Required: ResetConnectionAndRequestForResend, no retry_attempts_ check.
        for (boolean reused : new boolean[] {false, true}) {
            assertEquals(Verdict.RESEND_OVER_HTTP11, ResendRule.decide(NetError.ERR_HTTP_1_1_REQUIRED, reused, false, after(0)));
            assertEquals(Verdict.RESEND_OVER_HTTP11, ResendRule.decide(NetError.ERR_HTTP_1_1_REQUIRED, reused, false, after(2)));
        }
        assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_HTTP_1_1_REQUIRED, false, true, after(0)));
    }

    @Test
    void http11RequiredSendsARequestAgainOnceAtMost() {
        ResendRule.Attempts before = after(0);
        before.record(Verdict.RESEND_OVER_HTTP11);
        assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_HTTP_1_1_REQUIRED, false, false, before));
        // and it is not counted against the refused-stream retries
        assertEquals(Verdict.RESEND_REFUSED, ResendRule.decide(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, false, false, before));
    }

    /** A request's attempts after {@code refused} refused-stream retries. */
    private static ResendRule.Attempts after(int refused) {
        ResendRule.Attempts attempts = new ResendRule.Attempts();
        for (int i = 0; i < refused; i++) {
            attempts.record(Verdict.RESEND_REFUSED);
        }
        return attempts;
    }

    @Test
    void otherErrorsAreTheRequestsError() {
        assertEquals(Verdict.FAIL, ResendRule.decide(NetError.ERR_HTTP2_PROTOCOL_ERROR, true, false, after(0)));
    }
}
