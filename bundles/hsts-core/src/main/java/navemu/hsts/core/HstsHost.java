package navemu.hsts.core;

import java.util.ArrayList;
import java.util.List;

import navemu.api.dns.AddressLiteral;
import navemu.api.host.Host;
import navemu.api.host.InvalidHostException;

/**
 * Host names as HSTS compares them.
 *
 * <p>RFC 6797 §8.2 and §8.3 compare host names label by label, case-insensitively, with
 * internationalised names in their A-label form; a trailing dot names the same host
 * (RFC 1034 §3.1), so browsers drop it. We normalise once, on the way in, so that the table
 * holds one spelling per host: lower case, A-labels (UTS #46 non-transitional, through the same
 * {@link Host} parser as the URL: {@code faß.de} is {@code xn--fa-hia.de}), no trailing dot.
 *
 * <p>HSTS never applies to IP literals (RFC 6797 §8.1: "the UA MUST NOT note this host as a
 * Known HSTS Host"; §8.3 likewise for the upgrade).
 */
public final class HstsHost {

    /** RFC 1035 §2.3.4: 63 octets per label, 255 octets per name (253 characters in dotted form). */
    private static final int MAX_LABEL_LENGTH = 63;
    private static final int MAX_NAME_LENGTH = 253;

    private HstsHost() {
    }

    /**
     * The normalised form of {@code host}: lower case, A-labels, no trailing dot.
     *
     * @throws IllegalArgumentException with a sentence that says what is wrong, when the host is
     *         empty, an IP literal, or not a domain name
     */
    public static String normalise(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host name");
        }
        String trimmed = host.strip();
        if (isIpLiteral(trimmed)) {
            throw new IllegalArgumentException(trimmed
                    + " is an IP literal: HSTS applies only to domain names (RFC 6797 §8.1)");
        }
        String name;
        try {
            name = Host.parse(trimmed).withoutTrailingDot(); // UTS #46, as the URL's host was parsed
        } catch (InvalidHostException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        checkDomainName(trimmed, name);
        return name;
    }

    /**
     * True when {@code host} is an IP address rather than a name, as the URL's host parser reads
     * it ({@link Host}): an IPv6 literal, bracketed as in a URL or bare, or an IPv4 address in any
     * form a browser connects to ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 1.2.3}).
     */
    public static boolean isIpLiteral(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip();
        return h.startsWith("[") || h.indexOf(':') >= 0 || AddressLiteral.parse(h).isPresent();
    }

    /**
     * The host itself, then each of its superdomains, most specific first:
     * {@code a.b.example} → {@code a.b.example, b.example, example}. This is the order of
     * RFC 6797 §8.2 matching as Chromium does it (congruent match first).
     */
    public static List<String> selfAndSuperdomains(String normalisedHost) {
        List<String> names = new ArrayList<>();
        String name = normalisedHost;
        while (true) {
            names.add(name);
            int dot = name.indexOf('.');
            if (dot < 0) {
                return names;
            }
            name = name.substring(dot + 1);
        }
    }

    private static void checkDomainName(String original, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + original + "' has no labels");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("'" + original + "' is longer than "
                    + MAX_NAME_LENGTH + " characters");
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new IllegalArgumentException("'" + original + "' has an empty label");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new IllegalArgumentException("'" + original + "' has a label that is too long (more than "
                        + MAX_LABEL_LENGTH + " characters)");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                // Letters, digits and hyphens (RFC 1123 §2.1), plus the underscore that real
                // names carry (_dmarc, service labels) and browsers accept.
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    throw new IllegalArgumentException("'" + original + "' is not a domain name: "
                            + "character '" + c + "' is not allowed in a host name");
                }
            }
        }
    }
}
