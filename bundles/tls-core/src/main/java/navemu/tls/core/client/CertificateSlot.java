package navemu.tls.core.client;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.ValidationRequest;
import navemu.api.tls.TlsContext;
import navemu.api.trace.StepTrace;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.AlertErrors;
import navemu.tls.core.alert.TlsAlertException;

/**
 * Where a TLS handshake hands the server's chain to the cert slot, for both versions. The slot's
 * contract says it never throws; this is the boundary that holds even when an implementation
 * does: a chain that makes the validator throw is a chain it could not judge, so
 * bad_certificate and ERR_CERT_INVALID, never an internal_error.
 */
final class CertificateSlot {
    private CertificateSlot() {
    }

    /** The slot's verdict if it accepts the chain the server sent; otherwise the alert that matches its error. */
    static CertVerdict judge(TlsContext context, ValidationRequest request, StepTrace trace) throws TlsAlertException {
        return judge(context.validator(), request, trace, "the server's chain", "the server's certificate");
    }

    /**
     * The one hand-off to the slot, also for a chain judged again (a resumed session's stored one).
     *
     * @param chainName    the chain in messages that it could not be judged
     * @param rejectedName what the slot rejected, in the rejection's message
     */
    static CertVerdict judge(CertificateValidator validator, ValidationRequest request, StepTrace trace,
                             String chainName, String rejectedName) throws TlsAlertException {
        if (validator == null) {
            throw new TlsAlertException(AlertDescription.CERTIFICATE_UNKNOWN, NetError.ERR_FAILED,
                    "no certificate validator: the cert slot is empty, so " + chainName + " cannot be judged", null);
        }
        CertVerdict verdict;
        try {
            verdict = validator.validate(request, trace);
        } catch (RuntimeException e) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, NetError.ERR_CERT_INVALID,
                    "the cert slot could not judge " + chainName + " (it failed with " + e + ")", e);
        }
        if (verdict == null || !verdict.accepted()) {
            NetError error = verdict == null || verdict.error() == null ? NetError.ERR_CERT_INVALID : verdict.error();
            String reason = verdict == null ? "the validator gave no verdict" : verdict.reason();
            throw new TlsAlertException(AlertErrors.forCertificateError(error), error,
                    "the cert slot rejected " + rejectedName + ": " + reason, null);
        }
        return verdict;
    }
}
