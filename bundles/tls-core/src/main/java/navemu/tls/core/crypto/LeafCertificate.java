package navemu.tls.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

import navemu.api.NetError;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * The few things the handshake itself needs from the server's end-entity certificate: its
 * public key (to check CertificateVerify) and its names (for the trace). Whether the chain is
 * any good is the cert slot's business, not this class's.
 *
 * <p>Everything is read in {@link #parse}, inside the one guard that turns bad DER into
 * bad_certificate: Bouncy Castle decodes names lazily, so a subject with invalid UTF-8 or an
 * attribute of the wrong ASN.1 type would otherwise throw later, from wherever the name is first
 * printed, as an internal error.
 *
 * <p>The last {@value #KEPT} leaves parsed are kept by their exact DER bytes (copied), so that
 * a client that meets the same server again does not parse the same certificate again: the value
 * is a pure function of those bytes and immutable, so sharing it between connections changes
 * nothing a handshake decides. Only certificates up to {@value #KEPT_MAX_BYTES} bytes are kept,
 * the least recently used dropped first: a peer sending a new certificate on every connection
 * cannot make the cache grow. A certificate that does not parse is never kept.
 */
public final class LeafCertificate {
    static final int KEPT = 64;
    static final int KEPT_MAX_BYTES = 16 * 1024;
    /** Access order: the eldest entry is the least recently used. */
    private static final Map<ByteBuffer, LeafCertificate> PARSED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, LeafCertificate> eldest) {
            return size() > KEPT;
        }
    };

    private final String subject;
    private final String issuer;
    private final SubjectPublicKeyInfo publicKeyInfo;
    /**
     * The decoded key, once asked for: a pure function of this certificate's bytes, so a kept leaf
     * hands the same key to every later handshake without encoding its SubjectPublicKeyInfo again
     * to look it up. Racing threads may both decode; they store equal keys.
     */
    private volatile AsymmetricKeyParameter publicKey;

    private LeafCertificate(String subject, String issuer, SubjectPublicKeyInfo publicKeyInfo) {
        this.subject = subject;
        this.issuer = issuer;
        this.publicKeyInfo = publicKeyInfo;
    }

    /**
     * Parses DER, names included; unparseable bytes are a bad_certificate (RFC 8446 §6.2,
     * RFC 5246 §7.2.2) and, as in Chromium, ERR_SSL_SERVER_CERT_BAD_FORMAT: there is no
     * certificate to judge, so it is not a certificate verdict.
     */
    public static LeafCertificate parse(byte[] der) throws TlsAlertException {
        boolean keep = der.length <= KEPT_MAX_BYTES;
        if (keep) {
            synchronized (PARSED) {
                LeafCertificate known = PARSED.get(ByteBuffer.wrap(der));
                if (known != null) {
                    return known;
                }
            }
        }
        LeafCertificate parsed = parseDer(der);
        if (keep) {
            synchronized (PARSED) {
                PARSED.put(ByteBuffer.wrap(der.clone()), parsed);
            }
        }
        return parsed;
    }

    private static LeafCertificate parseDer(byte[] der) throws TlsAlertException {
        try {
            Certificate certificate = Certificate.getInstance(der);
            if (certificate == null) {
                throw new IllegalArgumentException("no certificate");
            }
            return new LeafCertificate(certificate.getSubject().toString(), certificate.getIssuer().toString(),
                    certificate.getSubjectPublicKeyInfo());
        } catch (RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 with several unchecked exceptions
            // (IllegalArgumentException, ClassCastException, IllegalStateException, ...).
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, NetError.ERR_SSL_SERVER_CERT_BAD_FORMAT,
                    "the server's certificate is not valid DER X.509: " + e, e);
        }
    }

    /**
     * The certificate's public key, decoded once per distinct SubjectPublicKeyInfo (see
     * {@link PublicKeyCache}): the same server's key is not decoded again on every handshake.
     * A key that cannot be decoded is not remembered: each call fails the same way.
     */
    public AsymmetricKeyParameter publicKey() throws TlsAlertException {
        AsymmetricKeyParameter known = publicKey;
        if (known != null) {
            return known;
        }
        try {
            known = PublicKeyCache.shared().decode(publicKeyInfo);
        } catch (IOException | RuntimeException e) {
            throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "cannot use the public key of " + subject + ": " + e.getMessage(), e);
        }
        publicKey = known;
        return known;
    }

    /** How many parsed leaves are kept now (at most {@value #KEPT}). */
    static int kept() {
        synchronized (PARSED) {
            return PARSED.size();
        }
    }

    public String subject() {
        return subject;
    }

    public String issuer() {
        return issuer;
    }
}
