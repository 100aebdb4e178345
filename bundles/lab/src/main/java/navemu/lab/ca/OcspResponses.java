package navemu.lab.ca;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * OCSP responses (RFC 6960) about a site's leaf, signed by the leaf's issuer itself (§4.2.2.2
 * allows the CA to sign its own responses), for the server to staple (RFC 6066 §8).
 */
public final class OcspResponses {

    /** How long a response stays fresh: its nextUpdate (RFC 6960 §4.2.2.1). */
    public static final Duration FRESHNESS = Duration.ofDays(1);

    /** The certificate status a stapled response reports. */
    public enum Status {
        GOOD, REVOKED;

        public static Status fromConfigName(String word) {
            try {
                return valueOf(word.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown OCSP status '" + word + "'; known: good, revoked", e);
            }
        }
    }

    private OcspResponses() {
    }

    /** The DER encoding of a successful OCSPResponse whose single response has {@code status}. */
    public static byte[] make(SiteCredential credential, Status status, Instant now) {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(credential.issuer().certificate());
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer,
                    credential.leaf().getSerialNumber());
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(
                    credential.issuer().certificate().getPublicKey(), digests.get(CertificateID.HASH_SHA1));
            CertificateStatus certificateStatus = status == Status.GOOD ? CertificateStatus.GOOD
                    : new RevokedStatus(Date.from(now.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
            builder.addResponse(id, certificateStatus, Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(FRESHNESS)));
            BasicOCSPResp basic = builder.build(
                    new JcaContentSignerBuilder(KeyType.signatureAlgorithmFor(credential.issuer().key(), false))
                            .build(credential.issuer().key()),
                    null, Date.from(now));
            OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            return response.getEncoded();
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot make the OCSP response for " + credential.leaf().getSubjectX500Principal()
                    + ": " + e.getMessage(), e);
        }
    }
}
