package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key kept with its cipher from record to record ({@link KeyedAead}) must give exactly what a
 * cipher keyed afresh for each record gives, through direction changes and failed records, and
 * must still refuse to encrypt twice under one nonce.
 */
class KeyedAeadTest {
    private static byte[] key(AeadAlgorithm aead) {
        byte[] key = new byte[aead.keyLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (7 * i + 1);
        }
        return key;
    }

    private static byte[] nonce(long seq) {
        byte[] nonce = new byte[AeadAlgorithm.NONCE_LENGTH];
        Arrays.fill(nonce, (byte) 0x5a);
        for (int k = 0; k < 8; k++) {
            nonce[11 - k] ^= (byte) (seq >>> (8 * k));
        }
        return nonce;
    }

    private static byte[] plaintext(int seq) {
        byte[] p = new byte[17 + 100 * seq];
        Arrays.fill(p, (byte) seq);
        return p;
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void eachRecordSealsAndOpensAsUnderAFreshlyKeyedCipher(AeadAlgorithm aead) {
        KeyedAead writer = aead.keyed(key(aead));
        KeyedAead reader = aead.keyed(key(aead));
        for (int seq = 0; seq < 5; seq++) {
            byte[] aad = {23, 3, 3, (byte) seq};
            byte[] sealed = writer.seal(nonce(seq), aad, plaintext(seq));
            assertArrayEquals(aead.seal(key(aead), nonce(seq), aad, plaintext(seq)), sealed, "record " + seq);
            assertArrayEquals(plaintext(seq), reader.open(nonce(seq), aad, sealed), "record " + seq);
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void oneKeyUsedInBothDirectionsInTurnStaysCorrect(AeadAlgorithm aead) {
        KeyedAead both = aead.keyed(key(aead));
        for (int seq = 0; seq < 4; seq++) {
            byte[] sealed = both.seal(nonce(seq), new byte[0], plaintext(seq));
            assertArrayEquals(plaintext(seq), both.open(nonce(seq), new byte[0], sealed));
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void aForgedRecordFailsAndTheNextGenuineOneStillOpens(AeadAlgorithm aead) {
        KeyedAead reader = aead.keyed(key(aead));
        byte[] forged = aead.seal(key(aead), nonce(0), new byte[0], plaintext(0));
        forged[3] ^= 1;
        assertNull(reader.open(nonce(0), new byte[0], forged));
        assertNull(reader.open(nonce(1), new byte[0], new byte[AeadAlgorithm.TAG_LENGTH - 1]), "shorter than a tag");
        byte[] genuine = aead.seal(key(aead), nonce(1), new byte[0], plaintext(1));
        assertArrayEquals(plaintext(1), reader.open(nonce(1), new byte[0], genuine));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void sealingTwiceUnderOneNonceIsRefused(AeadAlgorithm aead) {
        KeyedAead writer = aead.keyed(key(aead));
        writer.seal(nonce(9), new byte[0], plaintext(1));
        assertThrows(IllegalArgumentException.class, () -> writer.seal(nonce(9), new byte[0], plaintext(2)));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void aKeyOfTheWrongLengthIsRefusedUpFront(AeadAlgorithm aead) {
        assertThrows(IllegalArgumentException.class, () -> aead.keyed(new byte[aead.keyLength() - 1]));
    }
}
