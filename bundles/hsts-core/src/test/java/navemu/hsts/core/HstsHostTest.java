package navemu.hsts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host names as HSTS compares them: lower case, A-labels, no trailing dot; IP literals apart. */
class HstsHostTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "hsts.lab.test, hsts.lab.test",
            "HSTS.Lab.TEST, hsts.lab.test",
            "hsts.lab.test., hsts.lab.test",
            "' hsts.lab.test ', hsts.lab.test",
            "bücher.example, xn--bcher-kva.example",
            "BÜCHER.example., xn--bcher-kva.example",
            "xn--bcher-kva.example, xn--bcher-kva.example",
            "XN--BCHER-KVA.EXAMPLE, xn--bcher-kva.example",
            "例え.テスト, xn--r8jz45g.xn--zckzah",
            "_dmarc.example.test, _dmarc.example.test",
            "localhost, localhost",
            "faß.example, xn--fa-hia.example",
            "FAß.Example., xn--fa-hia.example",
    })
    void normalisesCaseIdnAndTrailingDot(String given, String expected) {
        assertEquals(expected, HstsHost.normalise(given));
    }

    @Test
    void ideographicFullStopsSeparateLabelsLikeDots() {
        assertEquals("a.example.test", HstsHost.normalise("a\u3002example\uFF0Etest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3.", "[::1]", "::1", "[2001:db8::1]", "127.1", "0x7f.0.0.1", "1.2.3.0x4", "1.2.3"})
    void recognisesIpLiterals(String host) {
        assertTrue(HstsHost.isIpLiteral(host));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HstsHost.normalise(host));
        assertTrue(e.getMessage().contains("IP literal"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.test", "1.example.test", "a1", "123.example", "0x.example"})
    void namesWithNumbersAreNotIpLiterals(String host) {
        assertFalse(HstsHost.isIpLiteral(host));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            "''|empty host name",
            "'   '|empty host name",
            ".|has no labels",
            "a..example|mpty label",
            "exa mple.test|U+0020 (space)",
            "user@example.test|'@' (U+0040)",
            "example.test/path|'/' (U+002F)",
            "ex!ample.test|character '!' is not allowed",
            "1.2.3.4.5|more than four parts",
            "xn--a.example|not a valid internationalised domain name",
    })
    void rejectsWhatIsNotADomainNameAndSaysWhy(String host, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HstsHost.normalise(host));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rejectsOverlongLabels() {
        String label = "a".repeat(64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HstsHost.normalise(label + ".test"));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void listsTheHostThenItsSuperdomainsMostSpecificFirst() {
        assertEquals(List.of("a.b.example.test", "b.example.test", "example.test", "test"),
                HstsHost.selfAndSuperdomains("a.b.example.test"));
    }
}
