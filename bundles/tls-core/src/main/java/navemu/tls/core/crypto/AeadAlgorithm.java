package navemu.tls.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

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

    public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        AEADCipher c = cipher();
        c.init(true, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
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
    public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        if (ciphertext.length < TAG_LENGTH) {
            return null;
        }
        AEADCipher c = cipher();
        c.init(false, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        byte[] out = new byte[c.getOutputSize(ciphertext.length)];
        int n = c.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            return null;
        }
        return out;
    }

    private AEADCipher cipher() {
        return this == CHACHA20_POLY1305 ? new ChaCha20Poly1305() : GCMBlockCipher.newInstance(AESEngine.newInstance());
    }
}
