package navemu.tls.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One AEAD key for one direction of a connection, with its cipher kept between records.
 *
 * <p>Why: setting up AES-GCM's key builds the AES round keys and GHASH's key-dependent
 * multiplication tables, which cost more than sealing a small record. The key is given to the
 * cipher once; every later record re-initialises it with its own nonce only (Bouncy Castle takes
 * {@link AEADParameters} with a null key to mean "same key, new nonce").
 *
 * <p>Nonces stay the caller's duty, as with {@link AeadAlgorithm#seal}: the record layer passes
 * IV XOR sequence number, different for every record. Bouncy Castle refuses to encrypt twice in a
 * row with the same key and nonce, a second guard. A key update brings new keys and so a new
 * instance. Not thread-safe: one direction of one connection uses it.
 *
 * <p>AES-GCM runs on the JDK's SunJCE ({@link JdkAesGcm}: the CPU's AES instructions) when this
 * JDK has it and C2 compiles it ({@link JdkIntrinsics}); ChaCha20-Poly1305, and AES-GCM
 * otherwise, on Bouncy Castle.
 */
public final class KeyedAead {
    private final AeadAlgorithm algorithm;
    private final byte[] key;
    /** The cipher with our key set, or null before the first record and after a failed open. */
    private AEADCipher cipher;
    /** The direction the cipher was keyed for: Bouncy Castle reuses a key only in that direction. */
    private boolean keyedForEncryption;
    /** SunJCE's AES-GCM under our key, made for the first record; null when Bouncy Castle's runs (see onJdk). */
    private JdkAesGcm jdk;
    private boolean jdkLookedUp;

    KeyedAead(AeadAlgorithm algorithm, byte[] key) {
        if (key.length != algorithm.keyLength()) {
            throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength() + "-byte key, not " + key.length);
        }
        this.algorithm = algorithm;
        this.key = key.clone();
    }

    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    /** The ciphertext and tag of {@code plaintext} under this key and {@code nonce}. */
    public byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        if (onJdk()) {
            return jdk.seal(nonce, aad, plaintext);
        }
        AEADCipher c = ready(true, nonce, aad);
        byte[] out = new byte[c.getOutputSize(plaintext.length)];
        int n = c.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail", e);
        }
        return out;
    }

    /** Decrypts and checks the tag; null when the tag does not match (the caller sends bad_record_mac). */
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertext) {
        if (ciphertext.length < AeadAlgorithm.TAG_LENGTH) {
            return null;
        }
        if (onJdk()) {
            return jdk.open(nonce, aad, ciphertext);
        }
        AEADCipher c = ready(false, nonce, aad);
        byte[] out = new byte[c.getOutputSize(ciphertext.length)];
        int n = c.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            // A failed check may leave the cipher mid-message: the next use keys a fresh one.
            cipher = null;
            return null;
        }
        return out;
    }

    /** Whether this key's records go through the JDK's AES-GCM (looked up once, at the first record). */
    boolean onJdk() {
        if (!jdkLookedUp) {
            jdkLookedUp = true;
            jdk = algorithm == AeadAlgorithm.CHACHA20_POLY1305 || !JdkIntrinsics.COMPILED ? null : JdkAesGcm.of(key);
        }
        return jdk != null;
    }

    private AEADCipher ready(boolean forEncryption, byte[] nonce, byte[] aad) {
        if (cipher == null || keyedForEncryption != forEncryption) {
            cipher = algorithm.newCipher();
            cipher.init(forEncryption, new AEADParameters(new KeyParameter(key), AeadAlgorithm.TAG_LENGTH * 8, nonce, aad));
            keyedForEncryption = forEncryption;
        } else {
            cipher.init(forEncryption, new AEADParameters(null, AeadAlgorithm.TAG_LENGTH * 8, nonce, aad));
        }
        return cipher;
    }
}
