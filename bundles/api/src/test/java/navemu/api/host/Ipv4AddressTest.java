package navemu.api.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL Standard's "ends in a number checker": the last label, one trailing dot ignored. */
class Ipv4AddressTest {

    @ParameterizedTest(name = "''{0}'' ends in a number: {1}")
    @CsvSource(delimiter = '|', value = {
        "''|false",
        ".|false",
        "a..|false",
        "example.com|false",
        "example.com.|false",
        "1.2.3.4|true",
        "1.2.3.4.|true",
        "09|true",
        "foo.09|true",
        "foo.0x7f|true",
        "foo.0x|true",
        "foo.0xg|false",
        "1.2.3.4.5|true",
        "foo.1a|false",
    })
    void endsInANumber(String input, boolean expected) {
        assertEquals(expected, Ipv4Address.endsInANumber(input));
    }
}
