package navemu.hsts.core;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one {@code Strict-Transport-Security} header value by the grammar of RFC 6797 §6.1:
 *
 * <pre>
 * Strict-Transport-Security = "Strict-Transport-Security" ":"
 *                             [ directive ]  *( ";" [ directive ] )
 * directive                 = directive-name [ "=" directive-value ]
 * directive-name            = token
 * directive-value           = token | quoted-string
 * </pre>
 *
 * with {@code token} and {@code quoted-string} from RFC 2616 §2.2 and its "implied *LWS": spaces
 * and tabs may stand between any two of these elements, so {@code max-age = 5} is valid and
 * {@code ;;max-age=5;} is too (empty directives). On top of the grammar, §6.1 says:
 * <ol>
 * <li>the order of directives does not matter;</li>
 * <li>every directive appears at most once, or the header is invalid;</li>
 * <li>directive names are case-insensitive;</li>
 * <li>a header that does not conform is ignored as a whole;</li>
 * <li>unknown directives are ignored, the rest is processed.</li>
 * </ol>
 * {@code max-age} is required and its value is delta-seconds, {@code 1*DIGIT} (§6.1.1), token or
 * quoted; {@code includeSubDomains} takes no value (§6.1.2).
 *
 * <p>Two choices where the RFC is silent, both Chromium's ({@code net/http/http_security_headers.cc}):
 * a max-age above one year is accepted and capped at one year ({@link #MAX_AGE_CAP}), and a
 * valueless {@code includeSubDomains} given a value makes the header invalid. One choice where
 * Chromium is laxer than the RFC: Chromium accepts a duplicated <em>unknown</em> directive; we follow
 * rule 2 and reject it. Chromium also accepts {@code max-age=+5}; the RFC's {@code 1*DIGIT} does not.
 *
 * <p>Stateless and thread-safe.
 */
public final class StsHeaderParser {

    /** Chromium's kMaxHSTSAgeSecs: one year (365 days). Larger max-age values are cut to it. */
    public static final Duration MAX_AGE_CAP = Duration.ofDays(365);

    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private StsHeaderParser() {
    }

    /** Parses {@code headerValue} (the field value, without {@code Strict-Transport-Security:}). */
    public static StsParseResult parse(String headerValue) {
        if (headerValue == null) {
            return new StsParseResult.Invalid("no header value");
        }
        Map<String, Directive> directives = new LinkedHashMap<>();
        Cursor in = new Cursor(headerValue);
        while (true) {
            in.skipWhitespace();
            if (in.atEnd()) {
                break;
            }
            if (in.peek() == ';') {
                in.next(); // an empty directive: "[ directive ]" is optional between semicolons
                continue;
            }
            int nameAt = in.position();
            String name = in.token();
            if (name.isEmpty()) {
                return invalid("expected a directive name at position " + nameAt + ", found " + in.describeCurrent());
            }
            in.skipWhitespace();
            String value = null;
            boolean quoted = false;
            if (!in.atEnd() && in.peek() == '=') {
                in.next();
                in.skipWhitespace();
                if (!in.atEnd() && in.peek() == '"') {
                    int quoteAt = in.position();
                    value = in.quotedString();
                    if (value == null) {
                        return invalid("bad quoted-string for " + name + " at position " + quoteAt
                                + ": " + in.quoteProblem);
                    }
                    quoted = true;
                } else {
                    int valueAt = in.position();
                    value = in.token();
                    if (value.isEmpty()) {
                        return invalid(name + " has '=' but no value (expected a token or a quoted-string at position "
                                + valueAt + ", found " + in.describeCurrent() + ")");
                    }
                }
                in.skipWhitespace();
            }
            if (!in.atEnd() && in.peek() != ';') {
                return invalid("unexpected " + in.describeCurrent() + " at position " + in.position()
                        + " after directive " + name + " (directives are separated by ';')");
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (directives.containsKey(key)) {
                return invalid("duplicate " + name + " directive (RFC 6797 §6.1: every directive appears only once)");
            }
            directives.put(key, new Directive(name, value, quoted));
        }
        return interpret(directives);
    }

    /** Applies the meaning of the known directives (§6.1.1, §6.1.2) once the grammar holds. */
    private static StsParseResult interpret(Map<String, Directive> directives) {
        Directive maxAge = directives.get("max-age");
        if (maxAge == null) {
            return invalid("max-age directive is missing (RFC 6797 §6.1.1: it is required)");
        }
        if (maxAge.value == null) {
            return invalid("max-age has no value (RFC 6797 §6.1.1: max-age=delta-seconds)");
        }
        if (!isDigits(maxAge.value)) {
            return invalid("max-age value '" + maxAge.value + "' is not delta-seconds (digits only, RFC 6797 §6.1.1)");
        }
        BigInteger seconds = new BigInteger(maxAge.value);
        boolean capped = seconds.compareTo(BigInteger.valueOf(MAX_AGE_CAP.getSeconds())) > 0;
        Duration lifetime = capped ? MAX_AGE_CAP : Duration.ofSeconds(seconds.longValueExact());

        boolean includeSubDomains = false;
        Directive sub = directives.get("includesubdomains");
        if (sub != null) {
            if (sub.value != null) {
                return invalid("includeSubDomains takes no value (RFC 6797 §6.1.2), got '" + sub.value + "'");
            }
            includeSubDomains = true;
        }
        // preload is hstspreload.org's word, not RFC 6797's: recognised only to show it.
        Directive preload = directives.get("preload");
        boolean preloadFlag = preload != null && preload.value == null;

        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, Directive> entry : directives.entrySet()) {
            String key = entry.getKey();
            boolean known = key.equals("max-age") || key.equals("includesubdomains")
                    || (key.equals("preload") && preloadFlag);
            if (!known) {
                ignored.add(entry.getValue().name);
            }
        }
        String sentDigits = stripLeadingZeros(maxAge.value);
        return new StsParseResult.Valid(
                new StsDirectives(lifetime, sentDigits, capped, includeSubDomains, preloadFlag, ignored));
    }

    private static StsParseResult invalid(String reason) {
        return new StsParseResult.Invalid(reason);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** RFC 2616 §2.2: token = 1*&lt;any CHAR except CTLs or separators&gt;. */
    static boolean isTokenChar(char c) {
        return c > 31 && c < 127 && SEPARATORS.indexOf(c) < 0;
    }

    private record Directive(String name, String value, boolean quoted) {
    }

    /** A read position in the header value; every method reads one element of the grammar. */
    private static final class Cursor {
        private final String text;
        private int pos;
        /** Why the last {@link #quotedString()} failed. */
        private String quoteProblem;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void next() {
            pos++;
        }

        int position() {
            return pos;
        }

        /** Implied LWS (RFC 2616 §2.1): spaces and horizontal tabs. */
        void skipWhitespace() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        /** The longest run of token characters here (possibly empty). */
        String token() {
            int start = pos;
            while (!atEnd() && isTokenChar(peek())) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /**
         * RFC 2616 §2.2: quoted-string = ( &lt;"&gt; *(qdtext | quoted-pair ) &lt;"&gt; ), where qdtext is
         * any TEXT but '"' (TEXT: any octet but CTLs, spaces and tabs allowed) and quoted-pair is
         * '\' CHAR. Returns the unquoted content, or null when the closing quote is missing or a
         * control character appears ({@link #quoteProblem} says which).
         */
        String quotedString() {
            StringBuilder content = new StringBuilder();
            pos++; // the opening quote
            while (!atEnd()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return content.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        break;
                    }
                    content.append(text.charAt(pos++));
                } else if ((c < 32 && c != '\t') || c == 127) {
                    quoteProblem = String.format("control character 0x%02x inside quotes", (int) c);
                    return null;
                } else {
                    content.append(c);
                }
            }
            quoteProblem = "no closing quote";
            return null;
        }

        String describeCurrent() {
            if (atEnd()) {
                return "end of header";
            }
            char c = peek();
            if (c < 32 || c == 127) {
                return String.format("control character 0x%02x", (int) c);
            }
            return "'" + c + "'";
        }
    }
}
