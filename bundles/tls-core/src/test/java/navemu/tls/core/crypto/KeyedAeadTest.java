package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key kept with its cipher from record to record ({@link KeyedAead}) must give exactly what a
 * cipher keyed afresh for each record gives, through direction changes and failed records, and
 * must still refuse to encrypt twice under one nonce. AES-GCM runs on the JDK's SunJCE and gives
 * Bouncy Castle's bytes.
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

    /** Bouncy Castle's own AES-GCM, keyed afresh: what the records must match byte for byte. */
    private static byte[] bouncyCastleGcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws InvalidCipherTextException {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), AeadAlgorithm.TAG_LENGTH * 8, nonce, aad));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = AeadAlgorithm.class, names = {"AES_128_GCM", "AES_256_GCM"})
    void aesGcmRunsOnTheJdkUnderC2AndGivesBouncyCastlesBytes(AeadAlgorithm aead) throws Exception {
        KeyedAead writer = aead.keyed(key(aead));
        KeyedAead reader = aead.keyed(key(aead));
        byte[] aad = {23, 3, 3, 0, 42};
        for (int seq = 0; seq < 4; seq++) {
            byte[] sealed = writer.seal(nonce(seq), aad, plaintext(seq));
            assertArrayEquals(bouncyCastleGcm(true, key(aead), nonce(seq), aad, plaintext(seq)), sealed, "record " + seq);
            byte[] sealedByBouncyCastle = bouncyCastleGcm(true, key(aead), nonce(seq + 100), aad, plaintext(seq));
            assertArrayEquals(plaintext(seq), reader.open(nonce(seq + 100), aad, sealedByBouncyCastle));
        }
        assertEquals(JdkIntrinsics.COMPILED, writer.onJdk()); // true under Maven's default JVM (C2)
        assertEquals(JdkIntrinsics.COMPILED, reader.onJdk());
        assertEquals(false, AeadAlgorithm.CHACHA20_POLY1305.keyed(key(AeadAlgorithm.CHACHA20_POLY1305)).onJdk());
    }
}
