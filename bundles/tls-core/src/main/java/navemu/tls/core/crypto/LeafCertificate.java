package navemu.tls.core.crypto;

import java.io.IOException;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * The few things the handshake itself needs from the server's end-entity certificate: its
 * public key (to check CertificateVerify) and its names (for the trace). Whether the chain is
 * any good is the cert slot's business, not this class's.
 */
public final class LeafCertificate {
    private final Certificate certificate;

    private LeafCertificate(Certificate certificate) {
        this.certificate = certificate;
    }

    /** Parses DER; unparseable bytes are a bad_certificate (RFC 8446 §6.2). */
    public static LeafCertificate parse(byte[] der) throws TlsAlertException {
        try {
            return new LeafCertificate(Certificate.getInstance(der));
        } catch (RuntimeException e) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
                    "the server's certificate is not valid DER X.509: " + e.getMessage(), e);
        }
    }

    public AsymmetricKeyParameter publicKey() throws TlsAlertException {
        try {
            return PublicKeyFactory.createKey(certificate.getSubjectPublicKeyInfo());
        } catch (IOException | RuntimeException e) {
            throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "cannot use the public key of " + subject() + ": " + e.getMessage(), e);
        }
    }

    public String subject() {
        return certificate.getSubject().toString();
    }

    public String issuer() {
        return certificate.getIssuer().toString();
    }
}
