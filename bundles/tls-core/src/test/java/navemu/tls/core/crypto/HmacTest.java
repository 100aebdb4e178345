package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * {@link HashAlgorithm#hmac} (Bouncy Castle's {@link HMac} on the hash's digest, the JDK's where C2
 * compiles it) gives the same bytes as {@code HMac} on Bouncy Castle's own digests for every hash,
 * for keys shorter than, as long as and longer than a block (a long key is hashed first), and
 * RFC 4231's vectors.
 */
class HmacTest {

    private static byte[] bouncyCastleHmac(HashAlgorithm hash, byte[] key, byte[] data) {
        HMac mac = new HMac(BouncyCastleDigests.of(hash));
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] filled(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + seed);
        }
        return bytes;
    }

    @Test
    void sameBytesAsBouncyCastlesHmacForEveryHashKeyAndMessageLength() {
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            for (int keyLength : new int[] {0, 1, 20, 32, 48, 63, 64, 65, 127, 128, 129, 300}) {
                for (int dataLength : new int[] {0, 1, 32, 55, 64, 100, 1000}) {
                    byte[] key = filled(keyLength, keyLength);
                    byte[] data = filled(dataLength, 3);
                    assertArrayEquals(bouncyCastleHmac(hash, key, data), hash.hmac(key, data),
                            hash + ", " + keyLength + "-byte key, " + dataLength + "-byte message");
                }
            }
        }
    }

    @Test
    void leavesItsArgumentsAsTheyWere() {
        byte[] key = filled(32, 1);
        byte[] data = filled(40, 2);
        HashAlgorithm.SHA256.hmac(key, data);
        assertArrayEquals(filled(32, 1), key);
        assertArrayEquals(filled(40, 2), data);
    }

    /** RFC 4231 §4.3 (test case 2) and §4.7 (test case 6, a 131-byte key: hashed first). */
    @Test
    void rfc4231Vectors() {
        byte[] jefe = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] question = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(Hex.decode("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                HashAlgorithm.SHA256.hmac(jefe, question));
        assertArrayEquals(Hex.decode("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                + "8e2240ca5e69e2c78b3239ecfab21649"), HashAlgorithm.SHA384.hmac(jefe, question));
        assertArrayEquals(Hex.decode("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"), HashAlgorithm.SHA512.hmac(jefe, question));
        byte[] longKey = new byte[131];
        Arrays.fill(longKey, (byte) 0xaa);
        byte[] hashKeyFirst = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(Hex.decode("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                HashAlgorithm.SHA256.hmac(longKey, hashKeyFirst));
    }

    @Test
    void theEmptyHashIsHashOfNothingAndACopyEachTime() {
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            byte[] first = hash.emptyHash();
            assertArrayEquals(hash.hash(new byte[0]), first, hash.toString());
            Arrays.fill(first, (byte) 0);
            assertArrayEquals(hash.hash(new byte[0]), hash.emptyHash(), "a caller's change must not reach the next one");
        }
    }
}
