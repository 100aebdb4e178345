package navemu.cert.pkix.checks;

import java.util.Locale;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Whether one name lies in one name-constraint subtree (RFC 5280 §4.2.1.10), for each name form
 * this validator evaluates: dNSName, iPAddress, rfc822Name and directoryName. The semantics follow
 * Chromium's {@code name_constraints.cc} where RFC 5280 is silent (wildcards, leading periods).
 */
final class NameMatching {
    private NameMatching() {
    }

    /** A DNS name as compared: lower case, without the trailing dot of an absolute name. */
    static String normaliseDns(String dns) {
        String lower = dns.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * True for a host name made of non-empty labels of letters, digits, hyphens and underscores,
     * the first of which may be {@code *}. A malformed name ({@code .example.com},
     * {@code a..example.com}, {@code ex ample.com}) is never inside a permitted subtree: it names no
     * host, so nothing can vouch that it lies below a permitted one.
     */
    static boolean wellFormedDns(String normalised) {
        if (normalised.isEmpty() || normalised.length() > 253) {
            return false;
        }
        String[] labels = normalised.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
            if (i == 0 && label.equals("*") && labels.length > 1) {
                continue;
            }
            for (int k = 0; k < label.length(); k++) {
                char c = label.charAt(k);
                boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!allowed) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * RFC 5280 §4.2.1.10: "host.example.com" lies within "example.com"; a constraint with a leading
     * period (".example.com") admits only names below it; the empty constraint admits every name.
     *
     * @param partialWildcard for excluded subtrees: {@code *.example.com} lies within
     *                        {@code www.example.com}, because one name the wildcard covers does
     *                        (for permitted subtrees a wildcard must lie wholly inside)
     */
    static boolean dnsWithin(String name, String constraint, boolean partialWildcard) {
        if (constraint.isEmpty()) {
            return true;
        }
        if (partialWildcard && name.startsWith("*.") && name.length() > 2) {
            int dot = constraint.indexOf('.');
            if (dot >= 0 && constraint.substring(dot + 1).equals(name.substring(2))) {
                return true;
            }
        }
        if (!name.endsWith(constraint)) {
            return false;
        }
        if (name.length() == constraint.length()) {
            return true;
        }
        String bare = constraint.startsWith(".") ? constraint.substring(1) : constraint;
        return name.length() > bare.length() && name.charAt(name.length() - bare.length() - 1) == '.';
    }

    /** RFC 5280 §4.2.1.10: an iPAddress constraint is the address followed by its mask (8 or 32 bytes). */
    static boolean ipWithin(byte[] ip, byte[] addressAndMask) {
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

    /**
     * RFC 5280 §4.2.1.10 and §7.1: a directoryName lies within a constraint when the constraint's
     * RDNs are the first RDNs of the name, compared as RFC 5280 §7.1 says (case and spaces folded).
     */
    static boolean directoryWithin(X500Name name, X500Name constraint) {
        RDN[] names = name.getRDNs();
        RDN[] prefix = constraint.getRDNs();
        if (prefix.length > names.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!IETFUtils.rDNAreEqual(names[i], prefix[i])) {
                return false;
            }
        }
        return true;
    }

    /** A mailbox split at its one {@code @}, or null when it is not a plain {@code local@domain}. */
    record Mailbox(String local, String domain) {
        static Mailbox parse(String address) {
            int at = address.indexOf('@');
            if (at <= 0 || at != address.lastIndexOf('@')) {
                return null;
            }
            Mailbox mailbox = new Mailbox(address.substring(0, at), address.substring(at + 1));
            return allowedLocal(mailbox.local) && allowedDomain(mailbox.domain) ? mailbox : null;
        }
    }

    /**
     * RFC 5280 §4.2.1.10 for rfc822Name: a constraint {@code root@example.com} is one mailbox,
     * {@code example.com} every mailbox on that host, {@code .example.com} every mailbox below it.
     * A constraint that is not of these shapes matches when that makes the name fail (it excludes,
     * and permits nothing), as Chromium does.
     */
    static boolean mailboxWithin(Mailbox name, String constraint, boolean excluded, boolean caseInsensitiveLocal) {
        int at = constraint.indexOf('@');
        if (at != constraint.lastIndexOf('@')) {
            return excluded;
        }
        String local = at < 0 ? "" : constraint.substring(0, at);
        String domain = at < 0 ? constraint : constraint.substring(at + 1);
        if ((at >= 0 && !allowedLocal(local)) || !allowedDomain(domain)) {
            return excluded;
        }
        if (at >= 0) {
            boolean sameLocal = caseInsensitiveLocal ? name.local().equalsIgnoreCase(local) : name.local().equals(local);
            return sameLocal && name.domain().equalsIgnoreCase(domain);
        }
        if (domain.startsWith(".")) {
            return name.domain().toLowerCase(Locale.ROOT).endsWith(domain.toLowerCase(Locale.ROOT));
        }
        return name.domain().equalsIgnoreCase(domain);
    }

    /** RFC 5321 Dot-string characters: what an unquoted local part may hold. */
    private static boolean allowedLocal(String local) {
        if (local.isEmpty()) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "!#$%&'*+-/=?^_`{|}~.".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits, hyphens and dots: no address literal, whose subtrees cannot be compared. */
    private static boolean allowedDomain(String domain) {
        if (domain.isEmpty()) {
            return false;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
