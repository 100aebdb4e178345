package navemu.hsts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Strict-Transport-Security grammar of RFC 6797 §6.1, case by case. Each row is a header value
 * and what a browser must make of it: the policy it sets, or the reason it is ignored.
 */
class StsHeaderParserTest {

    private static final long ONE_YEAR = 31_536_000L;

    /** A header value and its expected reading. */
    record Case(String header, Long maxAge, boolean includeSubDomains, boolean preload, boolean capped,
                String reasonFragment) {

        static Case valid(String header, long maxAge, boolean includeSubDomains) {
            return new Case(header, maxAge, includeSubDomains, false, false, null);
        }

        static Case preload(String header, long maxAge, boolean includeSubDomains) {
            return new Case(header, maxAge, includeSubDomains, true, false, null);
        }

        static Case capped(String header, boolean includeSubDomains, boolean preload) {
            return new Case(header, ONE_YEAR, includeSubDomains, preload, true, null);
        }

        static Case invalid(String header, String reasonFragment) {
            return new Case(header, null, false, false, false, reasonFragment);
        }

        @Override
        public String toString() {
            String shown = header.replace("\t", "\\t").replace("\u0000", "\\0").replace("\u0001", "\\1");
            return "[" + shown + "] → " + (maxAge != null ? "max-age=" + maxAge
                    + (includeSubDomains ? "; includeSubDomains" : "") : "invalid: " + reasonFragment);
        }
    }

    static Stream<Case> headers() {
        return Stream.of(
                // The ordinary forms.
                Case.valid("max-age=31536000", 31_536_000, false),
                Case.valid("max-age=31536000; includeSubDomains", 31_536_000, true),
                Case.preload("max-age=31536000; includeSubDomains; preload", 31_536_000, true),
                Case.valid("max-age=0", 0, false),
                Case.valid("max-age=0; includeSubDomains", 0, true),
                // §6.1.1: directive-value = token | quoted-string, so max-age may be quoted (§6.2 example).
                Case.valid("max-age=\"31536000\"", 31_536_000, false),
                Case.valid("max-age=\"0\"", 0, false),
                // §6.1 rule 3: directive names are case-insensitive.
                Case.valid("MAX-AGE=100", 100, false),
                Case.valid("Max-Age=100; INCLUDESUBDOMAINS", 100, true),
                Case.preload("max-age=100; PreLoad", 100, false),
                // Implied *LWS: spaces and tabs between elements.
                Case.valid("max-age = 100", 100, false),
                Case.valid("  max-age=100 ; includeSubDomains  ", 100, true),
                Case.valid("\tmax-age=100\t;\tincludeSubDomains\t", 100, true),
                // [ directive ] *( ";" [ directive ] ): empty directives are allowed.
                Case.valid(";max-age=100", 100, false),
                Case.valid("max-age=100;", 100, false),
                Case.valid(";;max-age=100;; includeSubDomains;;", 100, true),
                // §6.1 rule 1: order does not matter.
                Case.valid("includeSubDomains; max-age=100", 100, true),
                // §6.1 rule 5: unknown directives are ignored, with or without a value.
                Case.valid("max-age=100; foo", 100, false),
                Case.valid("max-age=100; foo=bar", 100, false),
                Case.valid("max-age=100; foo=\"bar baz\"", 100, false),
                Case.valid("max-age=100; foo=\"a\\\"b;c\"; includeSubDomains", 100, true),
                Case.valid("max-age=100; report-uri=\"https://example.test/r\"", 100, false),
                Case.valid("max-age=100; preload=yes", 100, false),
                // delta-seconds with leading zeros is still 1*DIGIT.
                Case.valid("max-age=0005", 5, false),
                Case.valid("max-age=1", 1, false),
                // Above one year: accepted and capped, as Chromium does (the RFC sets no limit).
                Case.valid("max-age=031536000", 31_536_000, false), // exactly one year: not capped
                Case.capped("max-age=31536001", false, false),
                Case.capped("max-age=63072000; includeSubDomains; preload", true, true),
                Case.capped("max-age=99999999999999999999999999999", false, false),

                // max-age is required (§6.1.1).
                Case.invalid("", "max-age directive is missing"),
                Case.invalid("   ", "max-age directive is missing"),
                Case.invalid(";", "max-age directive is missing"),
                Case.invalid("includeSubDomains", "max-age directive is missing"),
                Case.invalid("maxage=100", "max-age directive is missing"),
                Case.invalid("max-age", "max-age has no value"),
                Case.invalid("max-age=", "max-age has '=' but no value"),
                Case.invalid("max-age=; includeSubDomains", "max-age has '=' but no value"),
                // delta-seconds = 1*DIGIT: no sign, no fraction, no exponent, nothing but digits.
                Case.invalid("max-age=\"\"", "not delta-seconds"),
                Case.invalid("max-age=-1", "not delta-seconds"),
                Case.invalid("max-age=+5", "not delta-seconds"),
                Case.invalid("max-age=1.5", "not delta-seconds"),
                Case.invalid("max-age=1e3", "not delta-seconds"),
                Case.invalid("max-age=abc", "not delta-seconds"),
                Case.invalid("max-age=0x10", "not delta-seconds"),
                Case.invalid("max-age=\" 100\"", "not delta-seconds"),
                Case.invalid("max-age=\uFF11\uFF10\uFF10", "has '=' but no value"),
                // §6.1 rule 2: every directive at most once, whatever its case.
                Case.invalid("max-age=100; max-age=200", "duplicate max-age"),
                Case.invalid("max-age=100; MAX-AGE=100", "duplicate MAX-AGE"),
                Case.invalid("max-age=100; includeSubDomains; includeSubDomains", "duplicate includeSubDomains"),
                Case.invalid("max-age=100; foo=1; FOO=2", "duplicate FOO"),
                Case.invalid("max-age=100; preload; preload", "duplicate preload"),
                // §6.1.2: includeSubDomains is valueless.
                Case.invalid("max-age=100; includeSubDomains=true", "includeSubDomains takes no value"),
                Case.invalid("max-age=100; includeSubDomains=\"\"", "includeSubDomains takes no value"),
                // §6.1 rule 4: anything off the grammar voids the whole header.
                Case.invalid("max-age=100, max-age=200", "unexpected ','"),
                Case.invalid("max-age=100 includeSubDomains", "unexpected 'i'"),
                Case.invalid("max age=100", "unexpected 'a'"),
                Case.invalid("max-age=1 00", "unexpected '0'"),
                Case.invalid("max-age=\"100", "no closing quote"),
                Case.invalid("max-age=100; =foo", "expected a directive name"),
                Case.invalid("\"max-age=100\"", "expected a directive name"),
                Case.invalid("max-age=100; foo=bar baz", "unexpected 'b'"),
                Case.invalid("max-age=100; f@o=1", "unexpected '@'"),
                Case.invalid("max-age=100\u0000", "control character 0x00"),
                Case.invalid("max-age=100; foo=\"a\u0001\"", "control character 0x01 inside quotes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void eachHeaderReadsAsTheRfcGrammarSays(Case c) {
        StsParseResult result = StsHeaderParser.parse(c.header());
        if (c.maxAge() == null) {
            StsParseResult.Invalid invalid = assertInstanceOf(StsParseResult.Invalid.class, result,
                    () -> "expected invalid, got " + result);
            assertTrue(invalid.reason().contains(c.reasonFragment()),
                    () -> "reason '" + invalid.reason() + "' should mention '" + c.reasonFragment() + "'");
        } else {
            StsParseResult.Valid valid = assertInstanceOf(StsParseResult.Valid.class, result,
                    () -> "expected valid, got " + result);
            StsDirectives d = valid.directives();
            assertEquals(c.maxAge().longValue(), d.maxAge().getSeconds(), "max-age");
            assertEquals(c.includeSubDomains(), d.includeSubDomains(), "includeSubDomains");
            assertEquals(c.preload(), d.preload(), "preload");
            assertEquals(c.capped(), d.capped(), "capped");
        }
    }

    @Test
    void theTableCoversAtLeastFortyHeaders() {
        assertTrue(headers().count() >= 40);
    }

    @Test
    void unknownDirectivesAreNamedAsIgnored() {
        StsParseResult result = StsHeaderParser.parse("max-age=5; foo=1; Bar; includeSubDomains");
        StsDirectives d = assertInstanceOf(StsParseResult.Valid.class, result).directives();
        assertEquals(List.of("foo", "Bar"), d.ignoredDirectives());
    }

    @Test
    void aCappedMaxAgeRemembersWhatTheServerSent() {
        StsDirectives d = assertInstanceOf(StsParseResult.Valid.class,
                StsHeaderParser.parse("max-age=00063072000")).directives();
        assertEquals("63072000", d.maxAgeAsSent());
        assertEquals("max-age=31536000 (capped from 63072000)", d.describe());
    }

    @Test
    void noHeaderValueIsInvalid() {
        assertInstanceOf(StsParseResult.Invalid.class, StsHeaderParser.parse(null));
    }

    @Test
    void theReasonGivesThePositionOfTheFault() {
        StsParseResult.Invalid invalid = assertInstanceOf(StsParseResult.Invalid.class,
                StsHeaderParser.parse("max-age=100 includeSubDomains"));
        assertEquals("unexpected 'i' at position 12 after directive max-age (directives are separated by ';')",
                invalid.reason());
    }
}
