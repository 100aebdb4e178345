package navemu.cert.jdk;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXReason;
import java.util.Locale;

import navemu.api.NetError;

/** Maps the JDK's PKIX reasons (RFC 5280 §6) to the browser's certificate error codes. */
final class PkixFailure {

    private PkixFailure() {
    }

    static NetError error(CertPathValidatorException e) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.EXPIRED || reason == BasicReason.NOT_YET_VALID) {
            return NetError.ERR_CERT_DATE_INVALID;
        }
        if (reason == BasicReason.REVOKED) {
            return NetError.ERR_CERT_REVOKED;
        }
        if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("key") && !message.contains("signature")
                    ? NetError.ERR_CERT_WEAK_KEY : NetError.ERR_CERT_WEAK_SIGNATURE_ALGORITHM;
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR || reason == PKIXReason.NAME_CHAINING) {
            return NetError.ERR_CERT_AUTHORITY_INVALID;
        }
        // RFC 5280 nameConstraints failures are ERR_CERT_INVALID in Chromium's verifier; its
        // ERR_CERT_NAME_CONSTRAINT_VIOLATION is kept for the constraints it imposes on certain roots itself.
        return NetError.ERR_CERT_INVALID;
    }

    /** A sentence for people: what the rule is, in RFC 5280's words. */
    static String explain(CertPathValidatorException e) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.EXPIRED) {
            return "it has expired (RFC 5280 §4.1.2.5 validity)";
        }
        if (reason == BasicReason.NOT_YET_VALID) {
            return "it is not yet valid (RFC 5280 §4.1.2.5 validity)";
        }
        if (reason == BasicReason.INVALID_SIGNATURE) {
            return "its signature does not verify with its issuer's key (RFC 5280 §6.1.3)";
        }
        if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
            return "its algorithm or key size is disabled by the JDK (jdk.certpath.disabledAlgorithms)";
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return "no trust anchor issued it (RFC 5280 §6.1: the path must start at a trusted root)";
        }
        if (reason == PKIXReason.NAME_CHAINING) {
            return "its issuer is not the subject of the next certificate (RFC 5280 §6.1.3 name chaining)";
        }
        if (reason == PKIXReason.NOT_CA_CERT) {
            return "it issues certificates but is not a CA (RFC 5280 §4.2.1.9 basicConstraints)";
        }
        if (reason == PKIXReason.PATH_TOO_LONG) {
            return "the path is longer than pathLenConstraint allows (RFC 5280 §4.2.1.9)";
        }
        if (reason == PKIXReason.INVALID_KEY_USAGE) {
            return "its keyUsage does not allow signing certificates (RFC 5280 §4.2.1.3)";
        }
        if (reason == PKIXReason.INVALID_NAME) {
            return "a name violates the issuer's nameConstraints (RFC 5280 §4.2.1.10)";
        }
        if (reason == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
            return "it has a critical extension the validator does not know (RFC 5280 §4.2)";
        }
        return "the JDK's PKIX check failed";
    }
}
