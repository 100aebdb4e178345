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
    void shortAndHexadecimalFormsAreAddressesAsInAUrl() {
        // The URL's host parser reads these as addresses, so DNS must not query them as names.
        assertEquals("1.2.0.3", AddressLiteral.parse("1.2.3").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", AddressLiteral.parse("0x7f.1").orElseThrow().getHostAddress());
    }

    @Test
    void aLinkLocalAddressMayCarryItsZoneAsInResolvConf() {
        assertEquals(16, AddressLiteral.parse("fe80::1%1").orElseThrow().getAddress().length);
        assertTrue(AddressLiteral.parse("fe80::1::2%1").isEmpty());
    }

    @Test
    void namesAndNearMissesAreNotAddresses() {
        assertTrue(AddressLiteral.parse("1.2.3.4.5").isEmpty());
        assertTrue(AddressLiteral.parse("faß.de").isEmpty());
        assertTrue(AddressLiteral.parse("www.lab.test").isEmpty());
        assertTrue(AddressLiteral.parse("256.1.1.1").isEmpty());
        assertTrue(AddressLiteral.parse("").isEmpty());
    }
}
