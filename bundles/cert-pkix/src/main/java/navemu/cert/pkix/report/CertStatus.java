package navemu.cert.pkix.report;

import navemu.api.NetError;

/**
 * The kinds of certificate problem a browser distinguishes, as Chromium's {@code CertStatus} flags
 * ({@code net/cert/cert_status_flags_list.h}).
 *
 * <p>The constants are declared in the order of Chromium's {@code MapCertStatusToNetError}
 * ({@code net/cert/cert_status_flags.cc}): when a chain has several problems, the browser reports
 * the first of these that is present. {@link #mostSerious} applies that order.
 */
public enum CertStatus {
    /** Unrecoverable: the certificate or the path breaks a rule that has no dedicated code. */
    INVALID(NetError.ERR_CERT_INVALID),
    REVOKED(NetError.ERR_CERT_REVOKED),
    AUTHORITY_INVALID(NetError.ERR_CERT_AUTHORITY_INVALID),
    COMMON_NAME_INVALID(NetError.ERR_CERT_COMMON_NAME_INVALID),
    /**
     * Chromium sets this only for the name constraints it hard-codes for a few particular roots
     * ({@code HasNameConstraintsViolation}); a certificate's own nameConstraints extension fails as
     * {@link #INVALID}. pkix has no such hard-coded list, so it never reports this status; the
     * constant keeps Chromium's order complete.
     */
    NAME_CONSTRAINT_VIOLATION(NetError.ERR_CERT_NAME_CONSTRAINT_VIOLATION),
    WEAK_SIGNATURE_ALGORITHM(NetError.ERR_CERT_WEAK_SIGNATURE_ALGORITHM),
    WEAK_KEY(NetError.ERR_CERT_WEAK_KEY),
    DATE_INVALID(NetError.ERR_CERT_DATE_INVALID),
    VALIDITY_TOO_LONG(NetError.ERR_CERT_VALIDITY_TOO_LONG);

    private final NetError error;

    CertStatus(NetError error) {
        this.error = error;
    }

    public NetError error() {
        return error;
    }

    /** The status a browser reports when all of {@code present} apply; null when none does. */
    public static CertStatus mostSerious(Iterable<CertStatus> present) {
        CertStatus worst = null;
        for (CertStatus status : present) {
            if (worst == null || status.ordinal() < worst.ordinal()) {
                worst = status;
            }
        }
        return worst;
    }
}
