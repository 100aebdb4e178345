package navemu.tls.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;

import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

/** Our TLS 1.2 PRF (RFC 5246 §5) gives the same bytes as Bouncy Castle's independent implementation. */
class Tls12PrfTest {
    private final SecureRandom random = new SecureRandom();
    private final BcTlsCrypto bc = new BcTlsCrypto(random);

    private byte[] bcPrf(int prfAlgorithm, byte[] secret, String label, byte[] seed, int length) {
        return bc.createSecret(secret).deriveUsingPRF(prfAlgorithm, label, seed, length).extract();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void sha256PrfMatchesBouncyCastleForEveryLengthUpTo200() {
        Tls12Prf prf = new Tls12Prf(HashAlgorithm.SHA256);
        byte[] secret = randomBytes(48);
        byte[] seed = randomBytes(64);
        for (int length = 1; length <= 200; length += 7) {
            assertArrayEquals(bcPrf(PRFAlgorithm.tls_prf_sha256, secret, "key expansion", seed, length),
                    prf.derive(secret, "key expansion", seed, length), "length " + length);
        }
    }

    @Test
    void sha384PrfMatchesBouncyCastle() {
        Tls12Prf prf = new Tls12Prf(HashAlgorithm.SHA384);
        byte[] secret = randomBytes(48);
        byte[] hash = randomBytes(48);
        assertArrayEquals(bcPrf(PRFAlgorithm.tls_prf_sha384, secret, "client finished", hash, 12),
                prf.finishedVerifyData(secret, true, hash));
    }

    @Test
    void masterSecretKeyBlockAndExtendedMasterSecretUseTheRfcLabelsAndSeedOrder() {
        Tls12Prf prf = new Tls12Prf(HashAlgorithm.SHA256);
        byte[] preMaster = randomBytes(48);
        byte[] clientRandom = randomBytes(32);
        byte[] serverRandom = randomBytes(32);
        byte[] master = prf.masterSecret(preMaster, clientRandom, serverRandom);
        assertEquals(48, master.length);
        assertArrayEquals(bcPrf(PRFAlgorithm.tls_prf_sha256, preMaster, "master secret", concat(clientRandom, serverRandom), 48), master);
        assertArrayEquals(bcPrf(PRFAlgorithm.tls_prf_sha256, master, "key expansion", concat(serverRandom, clientRandom), 72),
                prf.keyBlock(master, clientRandom, serverRandom, 72));
        byte[] sessionHash = randomBytes(32);
        assertArrayEquals(bcPrf(PRFAlgorithm.tls_prf_sha256, preMaster, "extended master secret", sessionHash, 48),
                prf.extendedMasterSecret(preMaster, sessionHash));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
