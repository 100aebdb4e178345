package navemu.tls.tls13ecdhe;

import navemu.tls.core.client.Tls13ClientConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.Tls13CipherSuite;

/** The component's configuration: RFC names in, a clear error for a name we do not know. */
class Tls13ClientConfigTest {

    @Test
    void noConfigurationMeansTheIssuesDefaults() {
        Tls13ClientConfig c = Tls13ClientConfig.fromProperties(Map.of());
        assertEquals(Tls13ClientConfig.defaults().cipherSuites(), c.cipherSuites());
        assertEquals(List.of(NamedGroup.X25519), c.keyShareGroups());
    }

    @Test
    void namesNarrowTheOffer() {
        Tls13ClientConfig c = Tls13ClientConfig.fromProperties(Map.of("cipherSuites", "TLS_CHACHA20_POLY1305_SHA256",
                "groups", "secp256r1, x25519", "keyShares", "secp256r1"));
        assertEquals(List.of(Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256), c.cipherSuites());
        assertEquals(List.of(NamedGroup.SECP256R1, NamedGroup.X25519), c.supportedGroups());
        assertEquals(List.of(NamedGroup.SECP256R1), c.keyShareGroups());
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnesListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tls13ClientConfig.fromProperties(Map.of("groups", "x448")));
        assertTrue(e.getMessage().contains("unknown 'x448'") && e.getMessage().contains("secp256r1"), e.getMessage());
    }

    @Test
    void aKeyShareOutsideTheGroupsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Tls13ClientConfig.fromProperties(Map.of("groups", "x25519", "keyShares", "secp384r1")));
    }
}
