package navemu.cert.pkix.checks;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;

import navemu.api.dns.AddressLiteral;
import navemu.api.host.Host;
import navemu.api.host.InvalidHostException;
import navemu.cert.pkix.report.CertStatus;
import navemu.cert.pkix.report.Findings;
import navemu.cert.pkix.x509.IpAddresses;
import navemu.cert.pkix.x509.ParsedCertificate;

/**
 * Is the leaf for the host the user typed? RFC 6125 §6.4 as browsers and the CA/Browser Forum
 * apply it:
 * <ul>
 *   <li>only subjectAltName counts; the subject's Common Name is never consulted (RFC 6125 §6.4.4
 *       allows it as a fallback, browsers dropped it: Chrome 58);</li>
 *   <li>a wildcard is allowed only as the whole left-most label, matches exactly one label, and
 *       needs at least two labels after it ({@code *.com} matches nothing);</li>
 *   <li>an IP literal matches only iPAddress entries, never a dNSName;</li>
 *   <li>comparison is case-insensitive on A-labels (the host converted by the URL's host parser,
 *       {@link Host}: UTS #46 non-transitional), and a trailing dot on either side is ignored.</li>
 * </ul>
 */
public final class HostNameRule {
    private HostNameRule() {
    }

    public static void check(ParsedCertificate leaf, String label, String host, Findings out) {
        if (host == null || host.isBlank()) {
            out.fail(label, Rules.HOST_NAME, CertStatus.COMMON_NAME_INVALID, "no host name was given to check");
            return;
        }
        byte[] ip = ipLiteral(host);
        if (ip != null) {
            checkIp(leaf, label, host, ip, out);
            return;
        }
        String reference;
        try {
            // The URL's host parser: lower case, UTS #46 A-labels (faß.de is xn--fa-hia.de).
            reference = Host.parse(host).withoutTrailingDot();
        } catch (InvalidHostException e) {
            out.fail(label, Rules.HOST_NAME, CertStatus.COMMON_NAME_INVALID,
                    "the host " + host + " is not a valid domain name: " + e.getMessage());
            return;
        }
        for (String presented : leaf.dnsNames()) {
            if (matches(presented, reference)) {
                out.pass(label, Rules.HOST_NAME, reference + " matches subjectAltName DNS:" + presented);
                return;
            }
        }
        out.fail(label, Rules.HOST_NAME, CertStatus.COMMON_NAME_INVALID, reference + " matches no subjectAltName "
                + describe(leaf) + (leaf.dnsNames().isEmpty() ? "; the Common Name is not used (RFC 6125 §6.4.4)" : ""));
    }

    private static void checkIp(ParsedCertificate leaf, String label, String host, byte[] ip, Findings out) {
        for (byte[] presented : leaf.ipAddresses()) {
            if (Arrays.equals(presented, ip)) {
                out.pass(label, Rules.HOST_NAME, host + " matches subjectAltName IP:" + IpAddresses.format(presented));
                return;
            }
        }
        out.fail(label, Rules.HOST_NAME, CertStatus.COMMON_NAME_INVALID,
                "the IP address " + host + " matches no subjectAltName iPAddress " + describe(leaf));
    }

    /** RFC 6125 §6.4.1 and §6.4.3, with the wildcard restricted as CA/B Forum BR §7.1.4.2.1 does. */
    static boolean matches(String presented, String reference) {
        String pattern = normalise(stripTrailingDot(presented));
        if (pattern.isEmpty() || !pattern.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        if (!pattern.contains("*")) {
            return pattern.equals(reference);
        }
        // The whole left-most label, and only it, may be "*"; "f*.x" and "a.*.x" never match.
        if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = pattern.substring(1);          // ".wildcard.lab.test"
        if (suffix.indexOf('.', 1) < 0) {
            return false;                              // "*.test": a wildcard over a whole top-level domain
        }
        int firstDot = reference.indexOf('.');
        return firstDot > 0 && reference.substring(firstDot).equals(suffix);
    }

    /**
     * The address when {@code host} is an IP literal as the URL's host parser reads it (any IPv4
     * form a browser connects to, such as {@code 1.2.3}; IPv6 bracketed or not), else null.
     */
    static byte[] ipLiteral(String host) {
        return AddressLiteral.parse(host).map(InetAddress::getAddress).orElse(null);
    }

    private static String describe(ParsedCertificate leaf) {
        return leaf.subjectAltNames().isEmpty() ? "(the certificate has none)" : leaf.subjectAltNames().toString();
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
