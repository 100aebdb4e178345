package navemu.api.host;

import java.util.Locale;

/**
 * The WHATWG URL Standard's "domain to ASCII" (not strict) and its forbidden domain code points.
 *
 * <p>Fast path, as the standard notes: when the domain is ASCII and no label starts with
 * {@code xn--}, UTS #46 ToASCII is exactly ASCII lower-casing (with UseSTD3ASCIIRules=false every
 * ASCII character maps to itself or its lower case, and no other check can fail). Only other
 * domains go to {@link Uts46}, so ICU is loaded only for them.
 */
final class DomainToAscii {

    private DomainToAscii() {
    }

    /** @throws InvalidHostException when UTS #46 fails, the result is empty or holds a forbidden code point */
    static String convert(String domain) {
        String ascii = needsUts46(domain) ? uts46(domain) : domain.toLowerCase(Locale.ROOT);
        if (ascii.isEmpty()) {
            throw new InvalidHostException("'" + domain + "' is an empty host name");
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (isForbiddenDomainCodePoint(c)) {
                throw new InvalidHostException("'" + domain + "' is not a valid host name: it contains "
                        + describe(c) + ", which no host name may contain");
            }
        }
        return ascii;
    }

    /** True when UTS #46 could do more than lower-case: a non-ASCII character or an xn-- label. */
    static boolean needsUts46(String domain) {
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            boolean labelStart = i == 0 || domain.charAt(i - 1) == '.';
            if (labelStart && domain.regionMatches(true, i, "xn--", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    private static String uts46(String domain) {
        try {
            return Uts46.toAscii(domain);
        } catch (LinkageError e) {
            // Only where ICU4J is not installed (a test framework that left it out): say so.
            throw new InvalidHostException("'" + domain + "' needs UTS #46 processing, but ICU4J (bundle"
                    + " com.ibm.icu) is not available: " + e);
        }
    }

    /**
     * Forbidden host code points (NUL, tab, LF, CR, space, # / : < > ? @ [ \ ] ^ |) plus C0
     * controls, % and DEL.
     */
    static boolean isForbiddenDomainCodePoint(char c) {
        return c <= 0x20 || c == 0x7f || "#%/:<>?@[\\]^|".indexOf(c) >= 0;
    }

    static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        return c > 0x20 && c < 0x7f ? "'" + c + "' (" + code + ")" : code + (c == ' ' ? " (space)" : " (a control character)");
    }
}
