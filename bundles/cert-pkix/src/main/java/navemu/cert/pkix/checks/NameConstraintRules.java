package navemu.cert.pkix.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

import navemu.cert.pkix.path.CertificationPath;
import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.ConstraintSubtrees;
import navemu.cert.pkix.x509.IpAddresses;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * RFC 5280 §4.2.1.10 and §6.1.3 (b), (c): a CA's nameConstraints bind the names of every
 * certificate below it (self-issued intermediates excepted, the leaf always included).
 *
 * <p>Evaluated, as Chromium evaluates them ({@code name_constraints.cc}): dNSName, iPAddress,
 * rfc822Name (subjectAltName, or the subject's emailAddress when there is no subjectAltName) and
 * directoryName (subjectAltName and the subject itself). The other forms (otherName, x400Address,
 * ediPartyName, URI, registeredID) are not evaluated, so RFC 5280's "process or reject" applies:
 * when a critical extension constrains such a form and a certificate below has a name of that form,
 * the certificate is rejected.
 *
 * <p>A violation is reported as CERT_STATUS_INVALID (ERR_CERT_INVALID), as Chromium's path builder
 * does: Chromium's ERR_CERT_NAME_CONSTRAINT_VIOLATION comes only from constraints it hard-codes for
 * a few particular roots ({@code HasNameConstraintsViolation} in {@code net/cert/cert_verify_proc.cc}).
 *
 * <p>Bounded work: comparing names with subtrees costs names × subtrees, both of which a peer
 * chooses. The comparisons a path would need are counted before any is made; a path needing more
 * than {@value #MAX_COMPARISONS} is refused with ERR_CERT_INVALID, as Chromium refuses a
 * certificate needing more than the same number ({@code kTooManyNameConstraintChecks}).
 */
public final class NameConstraintRules {
    private NameConstraintRules() {
    }

    /** Chromium's {@code kMaxChecks}; here for the whole path, not for each certificate. */
    public static final long MAX_COMPARISONS = 1 << 20;

    /** The forms named in a subtree that this validator does not evaluate, by GeneralName tag. */
    private static final Map<Integer, String> UNEVALUATED_FORMS = Map.of(
            GeneralName.otherName, "otherName",
            GeneralName.x400Address, "x400Address",
            GeneralName.ediPartyName, "ediPartyName",
            GeneralName.uniformResourceIdentifier, "URI",
            GeneralName.registeredID, "registeredID");

    /**
     * Applies the constraints of every CA of the path to the certificates below it; returns the
     * number of name-against-subtree comparisons made: those the path needs, or 0 when they are
     * over the limit and the path is refused without them.
     */
    public static long check(CertificationPath path, Findings out) {
        long needed = comparisonsNeeded(path);
        if (needed > MAX_COMPARISONS) {
            out.fail(path.label(0), Rules.NAME_CONSTRAINTS, CertStatus.INVALID, "checking the path's names against its"
                    + " name constraints would take " + needed + " comparisons, more than the " + MAX_COMPARISONS
                    + " allowed; the path is refused without them, as Chromium's verifier refuses it");
            return 0;
        }
        for (int caIndex = 1; caIndex < path.length(); caIndex++) {
            checkCa(path, caIndex, out);
        }
        return needed;
    }

    /** Names × subtrees for each CA with constraints and each certificate below it. */
    static long comparisonsNeeded(CertificationPath path) {
        long total = 0;
        for (int caIndex = 1; caIndex < path.length(); caIndex++) {
            ConstraintSubtrees constraints = path.certificates().get(caIndex).nameConstraints();
            if (constraints == null) {
                continue;
            }
            for (int i = caIndex - 1; i >= 0; i--) {
                total += (long) nameCount(path.certificates().get(i)) * constraints.size();
            }
        }
        return total;
    }

    private static int nameCount(ParsedCertificate certificate) {
        return certificate.dnsNames().size() + certificate.ipAddresses().size() + certificate.rfc822Names().size()
                + certificate.directoryNames().size() + certificate.subjectEmailAddresses().size() + 1;
    }

    private static void checkCa(CertificationPath path, int caIndex, Findings out) {
        ConstraintSubtrees constraints = path.certificates().get(caIndex).nameConstraints();
        if (constraints == null) {
            return;
        }
        String caLabel = path.label(caIndex);
        for (int i = caIndex - 1; i >= 0; i--) {
            ParsedCertificate subject = path.certificates().get(i);
            if (i > 0 && subject.isSelfIssued()) {
                continue;
            }
            List<String> violations = violations(subject, constraints);
            if (violations.isEmpty()) {
                out.pass(path.label(i), Rules.NAME_CONSTRAINTS, "names are within the constraints of the " + caLabel);
            } else {
                out.fail(path.label(i), Rules.NAME_CONSTRAINTS, CertStatus.INVALID,
                        String.join("; ", violations) + " of the " + caLabel);
            }
        }
    }

    private static List<String> violations(ParsedCertificate subject, ConstraintSubtrees constraints) {
        List<String> violations = new ArrayList<>();
        unevaluatedForms(subject, constraints, violations);
        for (String dns : subject.dnsNames()) {
            dns(dns, constraints, violations);
        }
        for (byte[] ip : subject.ipAddresses()) {
            ip(ip, constraints, violations);
        }
        if (constrains(constraints, GeneralName.rfc822Name)) {
            for (String address : subject.rfc822Names()) {
                mailbox(address, false, constraints, violations);
            }
            if (!subject.hasSubjectAltName()) {
                // RFC 5280 §4.2.1.10: without a subjectAltName, rfc822Name constraints bind the
                // subject's emailAddress attributes.
                for (String address : subject.subjectEmailAddresses()) {
                    mailbox(address, true, constraints, violations);
                }
            }
        }
        if (constrains(constraints, GeneralName.directoryName)) {
            for (X500Name name : subject.directoryNames()) {
                directory(name, "DirName:" + name, constraints, violations);
            }
            // RFC 5280 §4.1.2.6: an empty subject is allowed when the names are in subjectAltName.
            if (!(subject.hasSubjectAltName() && subject.subjectName().getRDNs().length == 0)) {
                directory(subject.subjectName(), "the subject " + subject.subject().getName(), constraints, violations);
            }
        }
        return violations;
    }

    /** RFC 5280 §4.2.1.10: "the application MUST either process the constraint or reject the certificate". */
    private static void unevaluatedForms(ParsedCertificate subject, ConstraintSubtrees constraints, List<String> violations) {
        if (!constraints.critical()) {
            return;
        }
        Set<String> rejected = new TreeSet<>();
        for (int form : subject.subjectAltNameForms()) {
            String name = UNEVALUATED_FORMS.get(form);
            if (name != null && constrains(constraints, form)) {
                rejected.add(name);
            }
        }
        for (String form : rejected) {
            violations.add("it has a " + form + " name, a form the critical name constraints restrict and this validator"
                    + " does not evaluate, so the certificate is rejected (RFC 5280 §4.2.1.10: process or reject)");
        }
    }

    private static boolean constrains(ConstraintSubtrees constraints, int form) {
        return constraints.permitted().stream().anyMatch(g -> g.getTagNo() == form)
                || constraints.excluded().stream().anyMatch(g -> g.getTagNo() == form);
    }

    private static void dns(String dns, ConstraintSubtrees constraints, List<String> violations) {
        String name = NameMatching.normaliseDns(dns);
        for (GeneralName subtree : constraints.excluded()) {
            if (subtree.getTagNo() == GeneralName.dNSName
                    && NameMatching.dnsWithin(name, dnsConstraint(subtree), true)) {
                violations.add("DNS:" + dns + " is in the excluded subtree " + dnsConstraint(subtree));
                return;
            }
        }
        if (!permits(constraints, GeneralName.dNSName)) {
            return;
        }
        boolean wellFormed = NameMatching.wellFormedDns(name);
        for (GeneralName subtree : constraints.permitted()) {
            if (wellFormed && subtree.getTagNo() == GeneralName.dNSName
                    && NameMatching.dnsWithin(name, dnsConstraint(subtree), false)) {
                return;
            }
        }
        violations.add("DNS:" + dns + (wellFormed ? "" : ", which is not a well-formed host name,")
                + " is outside the permitted subtrees");
    }

    private static String dnsConstraint(GeneralName subtree) {
        return NameMatching.normaliseDns(subtree.getName().toString());
    }

    private static void ip(byte[] ip, ConstraintSubtrees constraints, List<String> violations) {
        String shown = "IP:" + IpAddresses.format(ip);
        for (GeneralName subtree : constraints.excluded()) {
            if (subtree.getTagNo() == GeneralName.iPAddress && NameMatching.ipWithin(ip, octets(subtree))) {
                violations.add(shown + " is in an excluded subtree");
                return;
            }
        }
        if (!permits(constraints, GeneralName.iPAddress)) {
            return;
        }
        for (GeneralName subtree : constraints.permitted()) {
            if (subtree.getTagNo() == GeneralName.iPAddress && NameMatching.ipWithin(ip, octets(subtree))) {
                return;
            }
        }
        violations.add(shown + " is outside the permitted subtrees");
    }

    private static byte[] octets(GeneralName subtree) {
        return ASN1OctetString.getInstance(subtree.getName()).getOctets();
    }

    private static void mailbox(String address, boolean fromSubject, ConstraintSubtrees constraints, List<String> violations) {
        String shown = "email:" + address;
        NameMatching.Mailbox mailbox = NameMatching.Mailbox.parse(address);
        if (mailbox == null) {
            violations.add(shown + " is not a plain local@domain address, so it cannot be shown to respect the constraints");
            return;
        }
        for (GeneralName subtree : constraints.excluded()) {
            // The local part of a subject emailAddress is compared without case when excluding,
            // so that no spelling of an excluded mailbox slips through (as Chromium does).
            if (subtree.getTagNo() == GeneralName.rfc822Name
                    && NameMatching.mailboxWithin(mailbox, subtree.getName().toString(), true, fromSubject)) {
                violations.add(shown + " is in the excluded subtree " + subtree.getName());
                return;
            }
        }
        if (!permits(constraints, GeneralName.rfc822Name)) {
            return;
        }
        for (GeneralName subtree : constraints.permitted()) {
            if (subtree.getTagNo() == GeneralName.rfc822Name
                    && NameMatching.mailboxWithin(mailbox, subtree.getName().toString(), false, false)) {
                return;
            }
        }
        violations.add(shown + " is outside the permitted subtrees");
    }

    private static void directory(X500Name name, String shown, ConstraintSubtrees constraints, List<String> violations) {
        for (GeneralName subtree : constraints.excluded()) {
            if (subtree.getTagNo() == GeneralName.directoryName
                    && NameMatching.directoryWithin(name, X500Name.getInstance(subtree.getName()))) {
                violations.add(shown + " is in the excluded subtree " + subtree.getName());
                return;
            }
        }
        if (!permits(constraints, GeneralName.directoryName)) {
            return;
        }
        for (GeneralName subtree : constraints.permitted()) {
            if (subtree.getTagNo() == GeneralName.directoryName
                    && NameMatching.directoryWithin(name, X500Name.getInstance(subtree.getName()))) {
                return;
            }
        }
        violations.add(shown + " is outside the permitted subtrees");
    }

    /** Whether some permitted subtree is of this form: without one, every name of the form is permitted. */
    private static boolean permits(ConstraintSubtrees constraints, int form) {
        return constraints.permitted().stream().anyMatch(g -> g.getTagNo() == form);
    }
}
