package navemu.api.host;

import java.util.EnumSet;
import java.util.Set;

import com.ibm.icu.text.IDNA;

/**
 * UTS #46 ToASCII with the WHATWG URL Standard's flags, on ICU4J: CheckHyphens=false,
 * CheckBidi=true, CheckJoiners=true, UseSTD3ASCIIRules=false, Transitional_Processing=false,
 * VerifyDnsLength=false. {@link java.net.IDN} implements IDNA 2003 and cannot do this: it maps
 * {@code faß.de} to {@code fass.de}, which is another domain.
 *
 * <p>The only class that touches ICU. The JVM loads it (and ICU's data) the first time a host
 * needs it, so a run that never sees a non-ASCII name never pays for ICU.
 */
final class Uts46 {

    /** Nontransitional processing; STD3 rules are off unless USE_STD3_RULES is given. */
    private static final IDNA PROCESSOR = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    /**
     * ICU always checks hyphens and DNS lengths; with CheckHyphens=false and VerifyDnsLength=false
     * these findings are not errors (the same set Chromium ignores).
     */
    private static final Set<IDNA.Error> NOT_CHECKED = EnumSet.of(
            IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4,
            IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG);

    private Uts46() {
    }

    /** @throws InvalidHostException naming the UTS #46 errors */
    static String toAscii(String domain) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder ascii = PROCESSOR.nameToASCII(domain, new StringBuilder(), info);
        Set<IDNA.Error> errors = info.getErrors().isEmpty() ? EnumSet.noneOf(IDNA.Error.class)
                : EnumSet.copyOf(info.getErrors());
        errors.removeAll(NOT_CHECKED);
        if (!errors.isEmpty()) {
            throw new InvalidHostException("'" + domain + "' is not a valid internationalised domain name"
                    + " (UTS #46: " + describe(errors) + ")");
        }
        return ascii.toString();
    }

    private static String describe(Set<IDNA.Error> errors) {
        StringBuilder text = new StringBuilder();
        for (IDNA.Error error : errors) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(switch (error) {
                case DISALLOWED -> "a disallowed character";
                case PUNYCODE -> "an xn-- label that is not valid Punycode";
                case INVALID_ACE_LABEL -> "an xn-- label that does not decode to a valid label";
                case LABEL_HAS_DOT -> "a label with a dot";
                case LEADING_COMBINING_MARK -> "a label that starts with a combining mark";
                case BIDI -> "a right-to-left label that breaks the Bidi rule (RFC 5893)";
                case CONTEXTJ -> "a zero-width joiner or non-joiner where RFC 5892 does not allow one";
                default -> error.name();
            });
        }
        return text.toString();
    }
}
