package navemu.cert.pkix.x509;

/** The bytes are not a certificate this validator can read; the message says why, for a person. */
public final class CertificateParseException extends Exception {
    public CertificateParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
