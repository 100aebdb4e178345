package navemu.tls.core.crypto;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;

/**
 * The AEAD algorithms of the TLS 1.3 cipher suites (RFC 8446 §5.2, B.4): AES-GCM (RFC 5116)
 * and ChaCha20-Poly1305 (RFC 8439), each with a 12-byte nonce and a 16-byte tag.
 */
public enum AeadAlgorithm {
    AES_128_GCM(16),
    AES_256_GCM(32),
    CHACHA20_POLY1305(32);

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private final int keyLength;

    AeadAlgorithm(int keyLength) {
        this.keyLength = keyLength;
    }

    public int keyLength() {
        return keyLength;
    }

    /** The IV length: the nonce length, per RFC 8446 §5.3 (iv_length = max(8, N_MIN) = 12). */
    public int ivLength() {
        return NONCE_LENGTH;
    }

    /**
     * This algorithm under {@code key}, its cipher set up once and kept for every record of one
     * direction (see {@link KeyedAead}).
     */
    public KeyedAead keyed(byte[] key) {
        return new KeyedAead(this, key);
    }

    /** One record sealed under a key used once (tests and one-off uses; connections use {@link #keyed}). */
    public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        return keyed(key).seal(nonce, aad, plaintext);
    }

    /** Decrypts and checks the tag under a key used once; null when the tag does not match. */
    public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        return keyed(key).open(nonce, aad, ciphertext);
    }

    /** A new, unkeyed cipher of this algorithm. */
    AEADCipher newCipher() {
        return this == CHACHA20_POLY1305 ? new ChaCha20Poly1305() : GCMBlockCipher.newInstance(AESEngine.newInstance());
    }
}
