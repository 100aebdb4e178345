package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * Our digests are the JDK's (compiled to the CPU's SHA instructions) behind Bouncy Castle's
 * interfaces, and give exactly Bouncy Castle's results wherever Bouncy Castle uses them: plain
 * hashing, the running copies of a transcript, HMAC's saved pad states, a signer's digest name.
 */
class JdkDigestTest {

    /** The adapter itself, whatever JIT this test runs under. */
    private static JdkDigest jdk(HashAlgorithm hash) {
        return JdkDigest.of(hash.toString(), hash.length(), BouncyCastleDigests.of(hash).getByteLength());
    }

    private static byte[] run(Digest digest, byte[] input) {
        byte[] out = new byte[digest.getDigestSize()];
        digest.update(input, 0, input.length);
        digest.doFinal(out, 0);
        return out;
    }

    @Test
    void everyHashIsTheJdksUnderC2AndDescribesItselfAsBouncyCastlesDoes() {
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            Digest ours = hash.newDigest();
            ExtendedDigest bc = BouncyCastleDigests.of(hash);
            // Tests run with C2 (Maven's default JVM); a C1-only JVM keeps Bouncy Castle's digest.
            assertEquals(JdkIntrinsics.COMPILED, ours instanceof JdkDigest, hash.toString());
            assertInstanceOf(org.bouncycastle.util.Memoable.class, ours);
            // RSADigestSigner finds the DigestInfo OID by this name; HMac takes the block length.
            assertEquals(bc.getAlgorithmName(), ours.getAlgorithmName());
            assertEquals(bc.getDigestSize(), ours.getDigestSize());
            assertEquals(bc.getByteLength(), ((ExtendedDigest) ours).getByteLength());
            assertEquals(bc.getAlgorithmName(), jdk(hash).getAlgorithmName());
            assertEquals(bc.getByteLength(), jdk(hash).getByteLength());
            assertEquals(hash.length(), ours.getDigestSize());
        }
    }

    @Test
    void givesBouncyCastlesHashForEveryLengthAroundABlock() {
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 1000}) {
                byte[] input = new byte[length];
                for (int i = 0; i < length; i++) {
                    input[i] = (byte) (i * 31 + length);
                }
                assertArrayEquals(run(BouncyCastleDigests.of(hash), input), run(jdk(hash), input), hash + ", " + length + " bytes");
                assertArrayEquals(run(BouncyCastleDigests.of(hash), input), run(hash.newDigest(), input));
                assertArrayEquals(run(BouncyCastleDigests.of(hash), input), hash.hash(input));
            }
        }
    }

    @Test
    void onlyAJvmThatCompilesWithC2UsesTheJdksCode() {
        assertEquals(true, JdkIntrinsics.compiledFor("mixed mode, sharing"));
        assertEquals(true, JdkIntrinsics.compiledFor("mixed mode")); // -XX:-TieredCompilation: C2 alone
        assertEquals(false, JdkIntrinsics.compiledFor("mixed mode, emulated-client, sharing")); // ./navemu's C1 only
        assertEquals(false, JdkIntrinsics.compiledFor("interpreted mode, sharing")); // -Xint
        assertEquals(false, JdkIntrinsics.compiledFor(null));
    }

    @Test
    void doFinalWritesAtTheOffsetAndResets() {
        Digest digest = jdk(HashAlgorithm.SHA256);
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        digest.update(abc[0]);
        digest.update(abc, 1, 2);
        byte[] out = new byte[40];
        assertEquals(32, digest.doFinal(out, 8));
        // FIPS 180-4's "abc" example.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.toHexString(out, 8, 32));
        assertArrayEquals(run(new SHA256Digest(), new byte[0]), run(digest, new byte[0]), "reset after doFinal");
    }

    @Test
    void aCopyRunsOnWithoutDisturbingTheOriginal() {
        // The transcript hash takes a copy for each Transcript-Hash value and keeps adding messages to the original.
        Digest running = jdk(HashAlgorithm.SHA384);
        running.update(new byte[] {1, 2, 3}, 0, 3);
        Digest snapshot = (Digest) ((Memoable) running).copy();
        snapshot.update(new byte[] {9}, 0, 1);
        running.update(new byte[] {4}, 0, 1);
        assertArrayEquals(run(new SHA384Digest(), new byte[] {1, 2, 3, 9}), run(snapshot, new byte[0]));
        assertArrayEquals(run(new SHA384Digest(), new byte[] {1, 2, 3, 4}), run(running, new byte[0]));
    }

    @Test
    void resetToASavedStateCanBeRepeated() {
        // HMac restores its ipad/opad states on every doFinal: the saved state must survive each restore.
        Memoable digest = jdk(HashAlgorithm.SHA256);
        ((Digest) digest).update(new byte[] {7}, 0, 1);
        Memoable saved = digest.copy();
        for (int i = 0; i < 3; i++) {
            digest.reset(saved);
            assertArrayEquals(run(new SHA256Digest(), new byte[] {7, 8}), run((Digest) digest, new byte[] {8}));
        }
        assertThrows(IllegalArgumentException.class, () -> digest.reset(jdk(HashAlgorithm.SHA512)));
    }

    @Test
    void hmacIsRfc4231sAndBouncyCastlesOverAnyKeyLength() {
        // RFC 4231 §4.3, test case 2: key "Jefe", data "what do ya want for nothing?".
        byte[] jefe = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Hex.toHexString(HashAlgorithm.SHA256.hmac(jefe, data)));
        assertEquals("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
                Hex.toHexString(HashAlgorithm.SHA384.hmac(jefe, data)));
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            for (int keyLength : new int[] {0, 20, 64, 65, 128, 200}) { // longer than a block: the key is hashed first
                byte[] key = new byte[keyLength];
                for (int i = 0; i < keyLength; i++) {
                    key[i] = (byte) (0xa0 + i);
                }
                HMac bc = new HMac(BouncyCastleDigests.of(hash));
                bc.init(new KeyParameter(key));
                bc.update(data, 0, data.length);
                byte[] expected = new byte[hash.length()];
                bc.doFinal(expected, 0);
                assertArrayEquals(expected, hash.hmac(key, data), hash + ", key of " + keyLength);
                HMac overTheAdapter = new HMac(jdk(hash));
                overTheAdapter.init(new KeyParameter(key));
                overTheAdapter.update(data, 0, data.length);
                byte[] adapted = new byte[hash.length()];
                overTheAdapter.doFinal(adapted, 0);
                assertArrayEquals(expected, adapted, hash + ", over the JDK's digest, key of " + keyLength);
                // One HMac used twice, as the TLS 1.2 record MAC does: the restored pad states must be intact.
                HMac twice = new HMac(jdk(hash));
                twice.init(new KeyParameter(key));
                for (int round = 0; round < 2; round++) {
                    twice.update(data, 0, data.length);
                    byte[] out = new byte[hash.length()];
                    twice.doFinal(out, 0);
                    assertArrayEquals(expected, out, hash + ", round " + round);
                }
            }
        }
    }
}
