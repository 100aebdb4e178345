package navemu.tls.core.keyschedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import navemu.tls.core.crypto.HashAlgorithm;

/**
 * A full handshake's Early Secret is a constant of the hash, made once and shared: it must be
 * exactly HKDF-Extract(0, 0) (RFC 8448 §3's value), lead to the same Handshake Secret as one
 * made afresh, and no caller may change it for the next.
 */
class EarlySecretWithoutPskTest {
    /** RFC 8448 §3, "extract secret "early"" with no PSK. */
    private static final byte[] RFC8448_EARLY_SECRET = Hex.decode("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a");

    @Test
    void isRfc8448sEarlySecret() {
        assertArrayEquals(RFC8448_EARLY_SECRET, EarlySecret.withoutPsk(HashAlgorithm.SHA256).secret());
    }

    @Test
    void leadsWhereOneMadeAfreshLeads() {
        byte[] shared = Hex.decode("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d"); // RFC 8448 §3's (EC)DHE
        for (HashAlgorithm hash : new HashAlgorithm[] {HashAlgorithm.SHA256, HashAlgorithm.SHA384}) {
            EarlySecret kept = EarlySecret.withoutPsk(hash);
            EarlySecret fresh = EarlySecret.fromPsk(hash, new byte[hash.length()]);
            assertArrayEquals(fresh.secret(), kept.secret(), hash.toString());
            assertArrayEquals(fresh.handshakeSecret(shared).secret(), kept.handshakeSecret(shared).secret(), hash.toString());
            // twice: the second use takes the kept "derived" secret
            assertArrayEquals(fresh.handshakeSecret(shared).secret(), EarlySecret.withoutPsk(hash).handshakeSecret(shared).secret());
            assertArrayEquals(fresh.handshakeSecret(shared).masterSecret().secret(),
                    kept.handshakeSecret(shared).masterSecret().secret(), hash.toString());
        }
    }

    @Test
    void aCallerCannotChangeItForTheNext() {
        byte[] taken = EarlySecret.withoutPsk(HashAlgorithm.SHA256).secret();
        Arrays.fill(taken, (byte) 0);
        assertArrayEquals(RFC8448_EARLY_SECRET, EarlySecret.withoutPsk(HashAlgorithm.SHA256).secret());
    }
}
