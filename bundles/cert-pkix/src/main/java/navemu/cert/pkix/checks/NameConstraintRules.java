package navemu.cert.pkix.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

import navemu.cert.pkix.path.CertificationPath;
import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.IpAddresses;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * RFC 5280 §4.2.1.10 and §6.1.3 (b), (c): a CA's nameConstraints bind the subjectAltName
 * dNSName and iPAddress entries of every certificate below it (self-issued intermediates excepted,
 * the leaf always included).
 *
 * <p>A violation is reported as CERT_STATUS_INVALID (ERR_CERT_INVALID), as Chromium's path
 * builder does: Chromium's ERR_CERT_NAME_CONSTRAINT_VIOLATION comes only from constraints it
 * hard-codes for a few particular roots ({@code HasNameConstraintsViolation} in
 * {@code net/cert/cert_verify_proc.cc}), not from the certificate's own extension.
 *
 * <p>directoryName, rfc822Name and URI subtrees are not evaluated by this validator; a check line
 * says so when a CA carries them.
 */
public final class NameConstraintRules {
    private NameConstraintRules() {
    }

    /** Applies the constraints of the CA at {@code caIndex} to every certificate below it. */
    public static void check(CertificationPath path, int caIndex, Findings out) {
        NameConstraints constraints = path.certificates().get(caIndex).nameConstraints();
        if (constraints == null) {
            return;
        }
        String caLabel = path.label(caIndex);
        GeneralSubtree[] permitted = orEmpty(constraints.getPermittedSubtrees());
        GeneralSubtree[] excluded = orEmpty(constraints.getExcludedSubtrees());
        if (hasOtherForms(permitted) || hasOtherForms(excluded)) {
            out.pass(caLabel, Rules.NAME_CONSTRAINTS,
                    "directoryName, rfc822Name and URI subtrees are present and not evaluated by this validator");
        }
        for (int i = caIndex - 1; i >= 0; i--) {
            ParsedCertificate subject = path.certificates().get(i);
            if (i > 0 && subject.isSelfIssued()) {
                continue;
            }
            String label = path.label(i);
            List<String> violations = new ArrayList<>();
            for (String dns : subject.dnsNames()) {
                String name = normalise(dns);
                if (!permittedDns(name, permitted)) {
                    violations.add("DNS:" + dns + " is outside the permitted subtrees");
                }
                String hit = excludedDns(name, excluded);
                if (hit != null) {
                    violations.add("DNS:" + dns + " is in the excluded subtree " + hit);
                }
            }
            for (byte[] ip : subject.ipAddresses()) {
                if (!permittedIp(ip, permitted)) {
                    violations.add("IP:" + IpAddresses.format(ip) + " is outside the permitted subtrees");
                }
                if (inIpSubtrees(ip, excluded)) {
                    violations.add("IP:" + IpAddresses.format(ip) + " is in an excluded subtree");
                }
            }
            if (violations.isEmpty()) {
                out.pass(label, Rules.NAME_CONSTRAINTS, "names are within the constraints of the " + caLabel);
            } else {
                out.fail(label, Rules.NAME_CONSTRAINTS, CertStatus.INVALID,
                        String.join("; ", violations) + " of the " + caLabel);
            }
        }
    }

    private static GeneralSubtree[] orEmpty(GeneralSubtree[] subtrees) {
        return subtrees == null ? new GeneralSubtree[0] : subtrees;
    }

    private static boolean hasOtherForms(GeneralSubtree[] subtrees) {
        for (GeneralSubtree subtree : subtrees) {
            int tag = subtree.getBase().getTagNo();
            if (tag != GeneralName.dNSName && tag != GeneralName.iPAddress) {
                return true;
            }
        }
        return false;
    }

    /** With no dNSName subtree permitted, every name is; with some, the name must be in one. */
    private static boolean permittedDns(String name, GeneralSubtree[] permitted) {
        boolean any = false;
        for (GeneralSubtree subtree : permitted) {
            if (subtree.getBase().getTagNo() == GeneralName.dNSName) {
                any = true;
                if (dnsWithin(name, constraintOf(subtree))) {
                    return true;
                }
            }
        }
        return !any;
    }

    /** The excluded subtree that catches the name, or null. A wildcard is caught if any name it covers would be. */
    private static String excludedDns(String name, GeneralSubtree[] excluded) {
        for (GeneralSubtree subtree : excluded) {
            if (subtree.getBase().getTagNo() != GeneralName.dNSName) {
                continue;
            }
            String constraint = constraintOf(subtree);
            if (dnsWithin(name, constraint)) {
                return constraint;
            }
            if (name.startsWith("*.")) {
                String base = name.substring(2);
                String bare = constraint.startsWith(".") ? constraint.substring(1) : constraint;
                int dot = bare.indexOf('.');
                if (dot > 0 && bare.substring(dot + 1).equals(base)) {
                    return constraint;
                }
            }
        }
        return null;
    }

    /**
     * RFC 5280 §4.2.1.10: "host.example.com" is within "example.com"; a constraint with a leading
     * period (".example.com") admits only names below it. The empty constraint admits every name.
     */
    static boolean dnsWithin(String name, String constraint) {
        if (constraint.isEmpty()) {
            return true;
        }
        if (constraint.startsWith(".")) {
            return name.endsWith(constraint);
        }
        return name.equals(constraint) || name.endsWith("." + constraint);
    }

    private static String constraintOf(GeneralSubtree subtree) {
        return normalise(subtree.getBase().getName().toString());
    }

    private static String normalise(String dns) {
        String lower = dns.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean permittedIp(byte[] ip, GeneralSubtree[] permitted) {
        boolean any = false;
        for (GeneralSubtree subtree : permitted) {
            if (subtree.getBase().getTagNo() == GeneralName.iPAddress) {
                any = true;
                if (ipWithin(ip, subtree)) {
                    return true;
                }
            }
        }
        return !any;
    }

    private static boolean inIpSubtrees(byte[] ip, GeneralSubtree[] subtrees) {
        for (GeneralSubtree subtree : subtrees) {
            if (subtree.getBase().getTagNo() == GeneralName.iPAddress && ipWithin(ip, subtree)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 5280 §4.2.1.10: an iPAddress constraint is the address followed by its mask (8 or 32 bytes). */
    private static boolean ipWithin(byte[] ip, GeneralSubtree subtree) {
        byte[] addressAndMask = ASN1OctetString.getInstance(subtree.getBase().getName()).getOctets();
        if (addressAndMask.length != ip.length * 2) {
            return false;
        }
        for (int i = 0; i < ip.length; i++) {
            byte mask = addressAndMask[ip.length + i];
            if ((ip[i] & mask) != (addressAndMask[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
