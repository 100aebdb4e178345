package navemu.tls.core.client;

import java.time.Instant;
import java.util.List;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.result.CertInfo;
import navemu.api.session.SessionCertificate;
import navemu.api.session.StoredSession;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * The certificate side of session resumption. A resumed handshake (TLS 1.2 session id or
 * ticket, TLS 1.3 PSK, 0-RTT) carries no Certificate message, yet its verdict must be the one a
 * browser gives: Chrome re-verifies a resumed session's chain on every connection (BoringSSL's
 * {@code SSL_CTX_set_reverify_on_resume}). So:
 *
 * <ul>
 *   <li>a session keeps the server's chain, and only when the cert slot's verdict had no
 *       problems: a lenient validator's "accepted despite" never makes a resumable session
 *       ({@link #toKeep});</li>
 *   <li>on resumption the active cert slot re-validates the stored chain for the requested host
 *       at the navigation's time, and a rejection fails the handshake with the validator's error
 *       and the alert a full handshake would send ({@link #revalidate}).</li>
 * </ul>
 */
final class ResumptionCertificate {

    private static final String STORED_CHAIN = "the resumed session's stored chain";

    private ResumptionCertificate() {
    }

    /**
     * What a session made on this connection keeps of the server's certificate, or null when no
     * session may be kept (then the trace says why).
     *
     * @param chain the chain as the server sent it (on a resumed connection: the stored one)
     */
    static SessionCertificate toKeep(List<byte[]> chain, byte[] stapledOcsp, String keyExchange, CertVerdict verdict,
                                     Instant now, MessageLog log) {
        if (chain == null || chain.isEmpty() || verdict == null) {
            log.info("no session kept: there is no judged certificate chain to re-validate when resuming");
            return null;
        }
        if (!verdict.withoutProblems()) {
            log.info("no session kept: the certificate was accepted despite " + (verdict.error() == null ? "a problem" : verdict.error())
                    + ", and a lenient verdict never makes a resumable session");
            return null;
        }
        CertInfo info = verdict.info();
        String validator = info == null || info.validator == null ? "the cert slot" : info.validator;
        return new SessionCertificate(chain, stapledOcsp, keyExchange, validator, verdict.reason(), now);
    }

    /**
     * The active cert slot's verdict on the session's stored chain, for {@code host} at {@code now}.
     *
     * @throws TlsAlertException with the validator's error when there is no validator, no chain,
     *                           or the validator rejects the chain
     */
    static CertVerdict revalidate(StoredSession session, String host, CertificateValidator validator, Instant now,
                                  MessageLog log) throws TlsAlertException {
        SessionCertificate stored = session.certificate();
        if (stored == null) {
            // Never offered without a chain; a server that resumes one anyway gets no unchecked pass.
            throw new TlsAlertException(AlertDescription.CERTIFICATE_UNKNOWN, NetError.ERR_CERT_INVALID,
                    "the resumed session has no stored certificate chain to re-validate", null);
        }
        log.info("re-validating the stored chain of the resumed session (" + stored.chain().size() + " certificates, judged by "
                + stored.validator() + " at " + stored.validatedAt() + ") for " + host + " now, as Chrome does on every resumption");
        CertVerdict verdict = CertificateSlot.judge(validator, new ValidationRequest(stored.chain(), host, now,
                stored.keyExchange(), stored.stapledOcsp()), log.trace(), STORED_CHAIN, STORED_CHAIN);
        log.trace().detail("certificateRevalidated", true);
        log.info("re-validated the stored chain: " + describe(verdict));
        return verdict;
    }

    private static String describe(CertVerdict verdict) {
        CertInfo info = verdict.info();
        String outcome = verdict.error() == null ? "accepted" : "accepted despite " + verdict.error() + ": " + verdict.reason();
        if (info == null) {
            return outcome;
        }
        return outcome + " by " + info.validator + (info.checks.isEmpty() ? "" : "; checks: " + String.join("; ", info.checks));
    }
}
