package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/** HKDF against RFC 5869, and the key-share checks of RFC 8446 §4.2.8.2 and §7.4.2. */
class CryptoTest {

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        Hkdf hkdf = new Hkdf(HashAlgorithm.SHA256);
        byte[] prk = hkdf.extract(Hex.decode("000102030405060708090a0b0c"), Hex.decode("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertArrayEquals(Hex.decode("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"), prk);
        assertArrayEquals(Hex.decode("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
                hkdf.expand(prk, Hex.decode("f0f1f2f3f4f5f6f7f8f9"), 42));
    }

    @Test
    void bothSidesOfP256AndP384AgreeOnTheSecret() throws Exception {
        SecureRandom r = new SecureRandom();
        for (NamedGroup g : NamedGroup.diffieHellmanGroups()) {
            EphemeralKeyExchange a = EphemeralKeyExchange.generate(g, r);
            EphemeralKeyExchange b = EphemeralKeyExchange.generate(g, r);
            assertEquals(g.publicKeyLength(), a.publicKey().length);
            assertArrayEquals(a.sharedSecret(b.publicKey()), b.sharedSecret(a.publicKey()), g.rfcName());
        }
    }

    @Test
    void aP256ShareNotOnTheCurveIsAnIllegalParameter() {
        EphemeralKeyExchange a = EphemeralKeyExchange.generate(NamedGroup.SECP256R1, new SecureRandom());
        byte[] bad = a.publicKey();
        bad[40] ^= 1;
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, assertThrows(TlsAlertException.class, () -> a.sharedSecret(bad)).alert());
    }

    @Test
    void anX25519ShareGivingAnAllZeroSecretIsAnIllegalParameter() {
        EphemeralKeyExchange a = EphemeralKeyExchange.generate(NamedGroup.X25519, new SecureRandom());
        byte[] lowOrderPoint = new byte[32]; // the point 0 has small order: the output is all zeros
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, assertThrows(TlsAlertException.class, () -> a.sharedSecret(lowOrderPoint)).alert());
    }

    @Test
    void aShareOfTheWrongLengthIsAnIllegalParameter() {
        EphemeralKeyExchange a = EphemeralKeyExchange.generate(NamedGroup.X25519, new SecureRandom());
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, assertThrows(TlsAlertException.class, () -> a.sharedSecret(new byte[31])).alert());
    }

    @Test
    void everyNamedGroupHasAKeyShareOfItsLength() {
        SecureRandom r = new SecureRandom();
        for (NamedGroup g : NamedGroup.values()) {
            ClientKeyShare share = ClientKeyShare.generate(g, r);
            assertEquals(g.code(), share.groupCode(), g.rfcName());
            assertEquals(g.publicKeyLength(), share.publicKey().length, g.rfcName());
        }
        assertEquals(List.of(NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.X25519), NamedGroup.diffieHellmanGroups());
        assertTrue(ClientKeyShare.generate(NamedGroup.X25519MLKEM768, r) instanceof X25519MlKem768KeyExchange);
        assertThrows(IllegalArgumentException.class, () -> EphemeralKeyExchange.generate(NamedGroup.X25519MLKEM768, r));
    }
}
