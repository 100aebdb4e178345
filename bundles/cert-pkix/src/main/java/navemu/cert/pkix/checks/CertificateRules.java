package navemu.cert.pkix.checks;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ParsedCertificate;

/** The rules every certificate of a path obeys, wherever it sits. */
public final class CertificateRules {
    private CertificateRules() {
    }

    /**
     * The extensions this validator processes (RFC 5280 §4.2: a certificate with a critical
     * extension the validator does not recognise must be rejected).
     */
    private static final Set<String> UNDERSTOOD = Set.of(
            "2.5.29.14", // subjectKeyIdentifier
            "2.5.29.15", // keyUsage
            "2.5.29.17", // subjectAltName
            "2.5.29.19", // basicConstraints
            "2.5.29.30", // nameConstraints
            "2.5.29.32", // certificatePolicies (no policy is required of the path, so any policy satisfies it)
            "2.5.29.35", // authorityKeyIdentifier
            "2.5.29.37", // extKeyUsage
            "1.3.6.1.5.5.7.1.1"); // authorityInfoAccess

    /** RFC 5280 §6.1.3 (a)(2): the certificate is valid at the time of the navigation. */
    public static void validity(ParsedCertificate certificate, String label, Instant at, Findings out) {
        Instant notBefore = certificate.notBefore();
        Instant notAfter = certificate.notAfter();
        if (at.isBefore(notBefore)) {
            out.fail(label, Rules.VALIDITY, CertStatus.DATE_INVALID,
                    "not yet valid: notBefore " + certificate.notBeforeText() + " is after the navigation's time " + at);
        } else if (at.isAfter(notAfter)) {
            out.fail(label, Rules.VALIDITY, CertStatus.DATE_INVALID,
                    "expired: notAfter " + certificate.notAfterText() + " is before the navigation's time " + at);
        } else {
            out.pass(label, Rules.VALIDITY, certificate.notBeforeText() + " to " + certificate.notAfterText() + " covers " + at);
        }
    }

    /** RFC 5280 §4.2: unknown critical extensions make the certificate unusable. */
    public static void criticalExtensions(ParsedCertificate certificate, String label, Findings out) {
        if (UNDERSTOOD.containsAll(certificate.criticalExtensionOids())) {
            out.pass(label, Rules.CRITICAL_EXTENSIONS, "every critical extension is understood");
        } else {
            Set<String> unknown = new TreeSet<>(certificate.criticalExtensionOids());
            unknown.removeAll(UNDERSTOOD);
            out.fail(label, Rules.CRITICAL_EXTENSIONS, CertStatus.INVALID,
                    "unknown critical extension " + String.join(", ", unknown));
        }
    }
}
