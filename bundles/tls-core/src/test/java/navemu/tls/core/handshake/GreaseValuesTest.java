package navemu.tls.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** GREASE values as BoringSSL chooses them (RFC 8701). */
class GreaseValuesTest {

    @Test
    void theSixteenReservedValuesAreGreaseAndNothingElseIs() {
        Set<Integer> reserved = new HashSet<>();
        for (int high = 0; high < 16; high++) {
            reserved.add(high << 12 | 0x0a00 | high << 4 | 0x0a);
        }
        assertTrue(reserved.contains(0x0a0a) && reserved.contains(0xfafa) && reserved.contains(0x3a3a));
        for (int v = 0; v <= 0xffff; v++) {
            assertEquals(reserved.contains(v), GreaseValues.isGrease(v), String.format("0x%04x", v));
        }
    }

    @Test
    void everyValueComesFromTheHighNibbleOfItsSeedByte() {
        GreaseValues g = GreaseValues.fromSeed(new byte[] {0x00, 0x1f, 0x2b, 0x3c, (byte) 0x4d, (byte) 0xff});
        assertEquals(0x0a0a, g.cipherSuite());
        assertEquals(0x1a1a, g.group());
        assertEquals(0x2a2a, g.firstExtension());
        assertEquals(0x3a3a, g.secondExtension());
        assertEquals(0x4a4a, g.version());
        assertEquals(0xfafa, g.ticketExtension());
    }

    @Test
    void theTwoExtensionValuesNeverCollide() {
        // Same high nibble for both extension places: the second is moved away, as BoringSSL does (XOR 0x1010).
        GreaseValues g = GreaseValues.fromSeed(new byte[] {0, 0, 0x55, 0x5f, 0, 0});
        assertEquals(0x5a5a, g.firstExtension());
        assertEquals(0x4a4a, g.secondExtension());
        GreaseValues top = GreaseValues.fromSeed(new byte[] {0, 0, (byte) 0xf0, (byte) 0xf0, 0, 0});
        assertEquals(0xeaea, top.secondExtension());

        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 2000; i++) {
            GreaseValues chosen = GreaseValues.choose(random);
            assertNotEquals(chosen.firstExtension(), chosen.secondExtension());
            for (GreaseValues.Place place : GreaseValues.Place.values()) {
                assertTrue(GreaseValues.isGrease(chosen.value(place)), place + " " + chosen.value(place));
            }
        }
    }

    @Test
    void connectionsGetDifferentValues() {
        SecureRandom random = new SecureRandom();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(GreaseValues.choose(random).cipherSuite());
        }
        // 1000 draws of 16 values: all sixteen show up (a miss has odds below 1e-27) unless they are not random.
        assertEquals(16, seen.size());
        assertFalse(seen.contains(0x0000));
    }

    @Test
    void everyGreaseValueIsNamedWithItsFourHexDigitsWhereverItIsSent() {
        for (int nibble = 0; nibble < 16; nibble++) {
            int grease = (nibble << 12) | 0x0a00 | (nibble << 4) | 0x0a;
            String expected = String.format("GREASE (0x%04x)", grease);
            assertEquals(expected, GreaseValues.name(grease));
            assertEquals(expected, ExtensionType.nameOf(grease));
            assertEquals(expected, navemu.tls.core.crypto.NamedGroup.nameOf(grease));
            assertEquals(expected, navemu.tls.core.crypto.Tls13CipherSuite.nameOf(grease));
            assertEquals(expected, navemu.tls.core.crypto.Tls12CipherSuite.nameOf(grease));
        }
    }
}
