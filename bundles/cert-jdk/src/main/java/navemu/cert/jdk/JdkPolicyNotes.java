package navemu.cert.jdk;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Says, for an accepted chain, where the JDK's policy is looser than a browser's, so that a
 * comparison with a browser-policy validator explains itself. These are notes, not problems:
 * the JDK accepted, and this validator reports the JDK's verdict.
 */
final class JdkPolicyNotes {

    /** CA/Browser Forum Baseline Requirements §6.3.2: at most 398 days for leaves issued since 2020-09-01. */
    private static final Duration BROWSER_MAX_VALIDITY = Duration.ofDays(398);

    private JdkPolicyNotes() {
    }

    static List<String> notes(List<X509Certificate> path, List<String> san) {
        List<String> notes = new ArrayList<>();
        X509Certificate leaf = path.get(0);
        if (san.isEmpty()) {
            notes.add("JDK policy: the leaf has no subjectAltName, so the JDK matched the host against the subject"
                    + " CN (RFC 2818 §3.1 allows it; browsers do not, RFC 6125 §6.4.4)");
        }
        Set<String> algorithms = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (X509Certificate c : path) {
            algorithms.add(c.getSigAlgName());
            keys.add(c.getPublicKey().getAlgorithm() + " " + CertificateSummaries.keyBits(c.getPublicKey()));
        }
        for (X509Certificate c : path) {
            String refused = BrowserKeys.refusal(c.getPublicKey());
            if (refused != null) {
                notes.add("JDK policy: " + CertificateSummaries.name(c.getSubjectX500Principal()) + " has " + refused
                        + ", which the JDK accepts and browsers refuse (CA/B Forum BR §6.1.5: RSA, and ECDSA on P-256,"
                        + " P-384 or P-521, only)");
            }
        }
        long days = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()).toDays();
        String line = "JDK policy: signatures " + algorithms + ", keys " + keys + ", leaf validity " + days
                + " days; the JDK rejects only what jdk.certpath.disabledAlgorithms lists (SHA-1 only under its own"
                + " cacerts roots, RSA under 1024 bits) and has no limit on validity";
        if (Duration.ofDays(days).compareTo(BROWSER_MAX_VALIDITY) > 0) {
            line += " (browsers refuse leaves valid over 398 days)";
        }
        notes.add(line);
        return notes;
    }
}
