package navemu.cert.pkix.checks;

import java.time.Instant;

import navemu.cert.pkix.path.CertificationPath;
import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * The checks that depend on which path was built (RFC 5280 §6.1.3 and §6.1.4): each signature
 * with the next certificate's key, the CAs' constraints, and the end at a trust anchor. The
 * leaf's own rules do not depend on the path and are checked once, by {@link LeafRules}.
 */
public final class PathChecks {
    private PathChecks() {
    }

    public static Findings check(CertificationPath path, Instant at, int anchorCount, SignatureVerifier verifier) {
        Findings out = new Findings();
        int n = path.length();
        for (int i = 0; i < n; i++) {
            ParsedCertificate certificate = path.certificates().get(i);
            String label = path.label(i);
            boolean anchor = path.isAnchor(i);
            if (i > 0 && !anchor) {
                CertificateRules.validity(certificate, label, at, out);
                CertificateRules.criticalExtensions(certificate, label, out);
            }
            if (i > 0) {
                CertificateRules.keySize(certificate, label, out);
            }
            if (i < n - 1) {
                SignatureRules.signature(certificate, label, path.certificates().get(i + 1), path.label(i + 1), verifier, out);
                SignatureRules.algorithm(certificate, label, out);
            } else if (anchor) {
                // RFC 5280 §6.1.1 (d): the anchor is a trusted name and key; its own dates and
                // self-signature are not part of the path (Chromium does not check them either).
                out.pass(label, Rules.TRUST_ANCHOR, "trusted, from " + path.anchor().source()
                        + "; its own validity dates and self-signature are not checked");
            } else {
                if (!certificate.isSelfIssued()) {
                    SignatureRules.algorithm(certificate, label, out);
                }
                out.fail(label, Rules.TRUST_ANCHOR, CertStatus.AUTHORITY_INVALID, noAnchor(path, certificate, anchorCount));
            }
            if (i > 0) {
                IssuerRules.check(path, i, out);
                NameConstraintRules.check(path, i, out);
            }
        }
        return out;
    }

    private static String noAnchor(CertificationPath path, ParsedCertificate last, int anchorCount) {
        if (path.length() >= navemu.cert.pkix.path.PathBuilder.MAX_LENGTH) {
            return "the path reached " + path.length() + " certificates without a trust anchor and was abandoned";
        }
        if (last.isSelfIssued()) {
            return (path.length() == 1 ? "self-signed" : "a self-signed root")
                    + ", and not one of the " + anchorCount + " trust anchors";
        }
        return "its issuer " + last.issuer().getName()
                + " is neither among the " + anchorCount + " trust anchors nor sent by the server (a missing intermediate)";
    }
}
