package navemu.api.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressLiteralTest {

    @Test
    void dottedQuadsAndIpv6LiteralsAreAddresses() {
        assertEquals("127.0.0.1", AddressLiteral.parse("127.0.0.1").orElseThrow().getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", AddressLiteral.parse("::1").orElseThrow().getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", AddressLiteral.parse("[::1]").orElseThrow().getHostAddress());
    }

    @Test
    void namesAndNearMissesAreNotAddresses() {
        assertTrue(AddressLiteral.parse("www.lab.test").isEmpty());
        assertTrue(AddressLiteral.parse("256.1.1.1").isEmpty());
        assertTrue(AddressLiteral.parse("1.2.3").isEmpty());
        assertTrue(AddressLiteral.parse("").isEmpty());
    }
}
