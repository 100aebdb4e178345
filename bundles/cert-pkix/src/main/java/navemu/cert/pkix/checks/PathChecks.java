package navemu.cert.pkix.checks;

import java.time.Instant;

import navemu.cert.pkix.path.CertificationPath;
import navemu.cert.pkix.path.PathBuilder;
import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * The checks that depend on which path was built (RFC 5280 §6.1.3 and §6.1.4): each signature
 * with the next certificate's key, the CAs' constraints, and the end at a trust anchor. The
 * leaf's own rules do not depend on the path and are checked once, by {@link LeafRules}.
 *
 * <p>Cheap checks first, expensive ones only when they can matter. Every certificate's dates,
 * extensions, key and CA rules cost little. A signature is verified only with a key the
 * {@link KeyPolicy} allows, so its cost is bounded. Name constraints, whose cost a certificate's
 * contents set (names × subtrees), are evaluated only on a path that ends at a trust anchor with
 * every signature verified: a forged intermediate full of subtrees costs nothing beyond its
 * failed signature, and a genuine one is bounded by {@link NameConstraintRules#MAX_COMPARISONS}.
 */
public final class PathChecks {
    private PathChecks() {
    }

    public static Findings check(CertificationPath path, Instant at, int anchorCount, SignatureVerifier verifier,
                                 WorkCounter work) {
        Findings out = new Findings();
        work.path();
        int n = path.length();
        boolean signaturesVerified = true;
        for (int i = 0; i < n; i++) {
            ParsedCertificate certificate = path.certificates().get(i);
            String label = path.label(i);
            boolean anchor = path.isAnchor(i);
            if (i > 0 && !anchor) {
                CertificateRules.validity(certificate, label, at, out);
            }
            if (i > 0) {
                // Unknown critical extensions bind a trust anchor too: its name and key are
                // trusted, not a constraint this validator cannot read (as Chromium does).
                CertificateRules.criticalExtensions(certificate, label, out);
                KeyPolicy.check(certificate, label, out);
                // The signature below is checked once this certificate's key has been judged.
                signaturesVerified &= signature(path, i - 1, verifier, work, out);
            }
            if (i < n - 1) {
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
            }
        }
        if (path.anchored() && signaturesVerified) {
            work.nameComparisons(NameConstraintRules.check(path, out));
        } else if (hasNameConstraints(path)) {
            out.pass(path.label(0), Rules.NAME_CONSTRAINTS, "not evaluated: the path "
                    + (path.anchored() ? "has a signature that does not verify" : "does not reach a trust anchor")
                    + ", so it fails whatever its names are");
        }
        return out;
    }

    /** Verifies the signature on certificate {@code i} with the key of certificate {@code i + 1}, if the policy allows that key. */
    private static boolean signature(CertificationPath path, int i, SignatureVerifier verifier, WorkCounter work,
                                     Findings out) {
        ParsedCertificate certificate = path.certificates().get(i);
        ParsedCertificate issuer = path.certificates().get(i + 1);
        if (!KeyPolicy.allows(issuer)) {
            out.fail(path.label(i), Rules.SIGNATURE, CertStatus.WEAK_KEY, "not verified: the key of the "
                    + path.label(i + 1) + " is one browsers refuse");
            return false;
        }
        work.signature();
        return SignatureRules.signature(certificate, path.label(i), issuer, path.label(i + 1), verifier, out);
    }

    private static boolean hasNameConstraints(CertificationPath path) {
        return path.certificates().stream().skip(1).anyMatch(c -> c.nameConstraints() != null);
    }

    private static String noAnchor(CertificationPath path, ParsedCertificate last, int anchorCount) {
        if (path.length() >= PathBuilder.MAX_LENGTH) {
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
