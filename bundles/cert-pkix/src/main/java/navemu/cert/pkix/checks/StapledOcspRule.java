package navemu.cert.pkix.checks;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * Revocation from the OCSP response the server stapled (RFC 6066 §8 in TLS 1.2's
 * CertificateStatus, RFC 8446 §4.4.2.1 in TLS 1.3's Certificate entry).
 *
 * <p>As in Chromium, only a trustworthy "revoked" fails the connection: no response is not an
 * error, and a response that cannot be trusted (badly signed, stale, for another certificate) is
 * ignored, as if the server had stapled nothing — a check line says why.
 *
 * <p>A response is trustworthy when it is signed by the leaf's issuer, or by a delegated responder
 * the issuer certified for id-kp-OCSPSigning (RFC 6960 §4.2.2.2), and is fresh: thisUpdate not in
 * the future, nextUpdate (when given) not past, and thisUpdate no older than seven days.
 */
public final class StapledOcspRule {
    private StapledOcspRule() {
    }

    static final Duration MAX_AGE = Duration.ofDays(7);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public static void check(byte[] stapled, ParsedCertificate leaf, String leafLabel, ParsedCertificate issuer,
                             Instant at, Findings out) {
        if (stapled == null || stapled.length == 0) {
            out.pass(leafLabel, Rules.STAPLED_OCSP, "none stapled (not an error)");
            return;
        }
        if (issuer == null) {
            out.pass(leafLabel, Rules.STAPLED_OCSP, "ignored: the issuer is unknown, so the response cannot be verified");
            return;
        }
        try {
            String ignored = evaluate(stapled, leaf, leafLabel, issuer, at, out);
            if (ignored != null) {
                out.pass(leafLabel, Rules.STAPLED_OCSP, "ignored: " + ignored);
            }
        } catch (IOException | RuntimeException | org.bouncycastle.cert.ocsp.OCSPException e) {
            out.pass(leafLabel, Rules.STAPLED_OCSP, "ignored: the response cannot be parsed (" + e.getMessage() + ")");
        }
    }

    /** Adds the verdict when the response is usable; otherwise returns why it was ignored. */
    private static String evaluate(byte[] stapled, ParsedCertificate leaf, String leafLabel, ParsedCertificate issuer,
                                   Instant at, Findings out) throws IOException, org.bouncycastle.cert.ocsp.OCSPException {
        OCSPResp response = new OCSPResp(stapled);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return "responseStatus is " + response.getStatus() + ", not successful (RFC 6960 §4.2.1)";
        }
        if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            return "not a BasicOCSPResponse";
        }
        String signer = signer(basic, issuer, at);
        if (signer == null) {
            return "its signature is neither the issuer's nor that of a responder the issuer delegated to";
        }
        X509CertificateHolder issuerHolder = new X509CertificateHolder(issuer.der());
        DigestCalculatorProvider digests = new BcDigestCalculatorProvider();
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().getSerialNumber().equals(leaf.serialNumber())
                    || !single.getCertID().matchesIssuer(issuerHolder, digests)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Date nextUpdateDate = single.getNextUpdate();
            Instant nextUpdate = nextUpdateDate == null ? null : nextUpdateDate.toInstant();
            if (thisUpdate.isAfter(at.plus(CLOCK_SKEW))) {
                return "thisUpdate " + thisUpdate + " is in the future of " + at;
            }
            if (nextUpdate != null && nextUpdate.isBefore(at)) {
                return "stale: nextUpdate " + nextUpdate + " is before " + at;
            }
            if (thisUpdate.isBefore(at.minus(MAX_AGE))) {
                return "stale: thisUpdate " + thisUpdate + " is more than 7 days before " + at;
            }
            Object status = single.getCertStatus();
            if (status instanceof RevokedStatus revoked) {
                out.fail(leafLabel, Rules.STAPLED_OCSP, CertStatus.REVOKED, "revoked on "
                        + revoked.getRevocationTime().toInstant() + " according to the OCSP response signed by " + signer);
            } else if (status instanceof UnknownStatus) {
                out.pass(leafLabel, Rules.STAPLED_OCSP, "status unknown to the responder (" + signer + "): not an error");
            } else {
                out.pass(leafLabel, Rules.STAPLED_OCSP, "good, signed by " + signer + ", produced " + thisUpdate);
            }
            return null;
        }
        return "it has no status for this certificate (serial " + leaf.serialNumber().toString(16) + ")";
    }

    /** Who signed the response, when it is someone the issuer vouches for; else null. */
    private static String signer(BasicOCSPResp basic, ParsedCertificate issuer, Instant at) {
        if (verifies(basic, issuer.publicKey())) {
            return "the issuer " + issuer.displayName();
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            try {
                if (!responder.getIssuer().equals(issuer.asn1().getSubject())
                        || !responder.isValidOn(Date.from(at))
                        || org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions()) == null
                        || !org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
                                .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
                        || !responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.publicKey()))) {
                    continue;
                }
                PublicKey key = new JcaX509CertificateConverter().getCertificate(responder).getPublicKey();
                if (verifies(basic, key)) {
                    return "the delegated responder " + responder.getSubject() + " (RFC 6960 §4.2.2.2)";
                }
            } catch (Exception e) {
                // A responder certificate we cannot use is one that does not vouch: try the next.
            }
        }
        return null;
    }

    private static boolean verifies(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) {
            return false;
        }
    }
}
