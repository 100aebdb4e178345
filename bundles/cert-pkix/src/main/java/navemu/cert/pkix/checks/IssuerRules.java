package navemu.cert.pkix.checks;

import java.math.BigInteger;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

import navemu.cert.pkix.path.CertificationPath;
import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/** The rules for a certificate that issues another in the path: it must be a CA, allowed to sign certificates. */
public final class IssuerRules {
    private IssuerRules() {
    }

    /**
     * RFC 5280 §6.1.4 (k), (l), (m), (n) for the certificate at {@code index} (≥ 1) of the path.
     * A trust anchor without extensions (a v1 root) is taken as a CA, as RFC 5280 §6.1.1 (d)
     * trusts only its name and key.
     */
    public static void check(CertificationPath path, int index, Findings out) {
        ParsedCertificate ca = path.certificates().get(index);
        String label = path.label(index);
        boolean anchor = path.isAnchor(index);
        BasicConstraints constraints = ca.basicConstraints();

        if (constraints == null && anchor && ca.x509().getVersion() < 3) {
            out.pass(label, Rules.BASIC_CONSTRAINTS, "v1 trust anchor: trusted as a CA by configuration");
        } else if (constraints == null || !constraints.isCA()) {
            out.fail(label, Rules.BASIC_CONSTRAINTS, CertStatus.INVALID,
                    (constraints == null ? "no basicConstraints extension" : "basicConstraints cA is false")
                            + ": not a CA, yet it issued the " + path.label(index - 1));
            return;
        } else {
            out.pass(label, Rules.BASIC_CONSTRAINTS, "cA true");
        }

        // §6.1.4 (l), (m): pathLenConstraint counts the non-self-issued intermediates below this CA.
        BigInteger pathLen = constraints.getPathLenConstraint();
        if (pathLen != null) {
            int below = 0;
            for (int i = 1; i < index; i++) {
                if (!path.certificates().get(i).isSelfIssued()) {
                    below++;
                }
            }
            if (BigInteger.valueOf(below).compareTo(pathLen) > 0) {
                out.fail(label, Rules.PATH_LEN, CertStatus.INVALID, "pathLenConstraint " + pathLen + " allows "
                        + pathLen + " intermediate(s) below it, the path has " + below);
            } else {
                out.pass(label, Rules.PATH_LEN, "pathLenConstraint " + pathLen + ", " + below + " intermediate(s) below");
            }
        }

        // §6.1.4 (n): if keyUsage is present, keyCertSign must be set.
        KeyUsage usage = ca.keyUsage();
        if (usage == null) {
            out.pass(label, Rules.KEY_USAGE, "no keyUsage extension");
        } else if (usage.hasUsages(KeyUsage.keyCertSign)) {
            out.pass(label, Rules.KEY_USAGE, "keyCertSign");
        } else {
            out.fail(label, Rules.KEY_USAGE, CertStatus.INVALID, "keyUsage lacks keyCertSign: may not sign certificates");
        }

        // Chromium and Mozilla restrict intermediates by their extendedKeyUsage too (EKU chaining):
        // an intermediate limited to other purposes may not issue TLS server certificates.
        if (!anchor && ca.extendedKeyUsage() != null) {
            if (ca.hasExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)
                    || ca.hasExtendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage)) {
                out.pass(label, Rules.EXTENDED_KEY_USAGE, "intermediate allows serverAuth");
            } else {
                out.fail(label, Rules.EXTENDED_KEY_USAGE, CertStatus.INVALID,
                        "intermediate's extendedKeyUsage does not include serverAuth");
            }
        }
    }
}
