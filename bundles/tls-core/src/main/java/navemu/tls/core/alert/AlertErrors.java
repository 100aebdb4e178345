package navemu.tls.core.alert;

import navemu.api.NetError;

/**
 * Which browser error a TLS alert becomes. The mapping follows Chromium's
 * {@code net/socket/ssl_client_socket_impl.cc} / {@code MapOpenSSLError}: most protocol faults
 * are {@code ERR_SSL_PROTOCOL_ERROR}; a failed negotiation is
 * {@code ERR_SSL_VERSION_OR_CIPHER_MISMATCH}; a peer's decrypt_error and bad_record_mac alerts
 * have their own codes.
 */
public final class AlertErrors {
    private AlertErrors() {
    }

    /** The error for a failure we detected and told the server about with {@code alert}. */
    public static NetError forSentAlert(AlertDescription alert) {
        if (alert == null) {
            return NetError.ERR_SSL_PROTOCOL_ERROR;
        }
        switch (alert) {
            case HANDSHAKE_FAILURE:
            case PROTOCOL_VERSION:
            case INSUFFICIENT_SECURITY:
                return NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH;
            case BAD_CERTIFICATE:
            case UNSUPPORTED_CERTIFICATE:
            case CERTIFICATE_UNKNOWN:
                return NetError.ERR_CERT_INVALID;
            case CERTIFICATE_EXPIRED:
                return NetError.ERR_CERT_DATE_INVALID;
            case UNKNOWN_CA:
                return NetError.ERR_CERT_AUTHORITY_INVALID;
            case CERTIFICATE_REVOKED:
                return NetError.ERR_CERT_REVOKED;
            default:
                return NetError.ERR_SSL_PROTOCOL_ERROR;
        }
    }

    /**
     * The error for a fatal alert the server sent us at a point of the handshake: a
     * handshake_failure is a failed negotiation only as the answer to our first ClientHello
     * (Chromium maps it so only when BoringSSL marked it SSL_R_HANDSHAKE_FAILURE_ON_CLIENT_HELLO,
     * which it does while waiting for the first ServerHello); anywhere later it is a protocol error.
     *
     * @param answeringClientHello whether nothing but alerts had come from the server before it
     */
    public static NetError forReceivedAlert(AlertDescription alert, boolean answeringClientHello) {
        if (alert == AlertDescription.HANDSHAKE_FAILURE && !answeringClientHello) {
            return NetError.ERR_SSL_PROTOCOL_ERROR;
        }
        return forReceivedAlert(alert);
    }

    /** The error for a fatal alert the server sent us in answer to our ClientHello. */
    public static NetError forReceivedAlert(AlertDescription alert) {
        if (alert == null) {
            return NetError.ERR_SSL_PROTOCOL_ERROR;
        }
        switch (alert) {
            case HANDSHAKE_FAILURE:
            case PROTOCOL_VERSION:
            case INSUFFICIENT_SECURITY:
                return NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH;
            case DECRYPT_ERROR:
                return NetError.ERR_SSL_DECRYPT_ERROR_ALERT;
            case BAD_RECORD_MAC:
                return NetError.ERR_SSL_BAD_RECORD_MAC_ALERT;
            case CERTIFICATE_REQUIRED:
                return NetError.ERR_BAD_SSL_CLIENT_AUTH_CERT;
            default:
                return NetError.ERR_SSL_PROTOCOL_ERROR;
        }
    }

    /**
     * The alert to send when the cert slot refused a chain (RFC 8446 §6.2): expired →
     * certificate_expired, unknown issuer → unknown_ca, revoked → certificate_revoked, any other
     * problem → bad_certificate.
     */
    public static AlertDescription forCertificateError(NetError error) {
        if (error == null) {
            return AlertDescription.BAD_CERTIFICATE;
        }
        switch (error) {
            case ERR_CERT_DATE_INVALID:
                return AlertDescription.CERTIFICATE_EXPIRED;
            case ERR_CERT_AUTHORITY_INVALID:
                return AlertDescription.UNKNOWN_CA;
            case ERR_CERT_REVOKED:
                return AlertDescription.CERTIFICATE_REVOKED;
            default:
                return AlertDescription.BAD_CERTIFICATE;
        }
    }
}
