package navemu.tls.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Provider;
import java.security.Security;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM (RFC 5116) under one key on the JDK's own provider (SunJCE), for {@link KeyedAead}
 * when C2 compiles it ({@link JdkIntrinsics}).
 *
 * <p>Why: HotSpot compiles SunJCE's AES and GHASH to the CPU's AES and carry-less multiply
 * instructions, and its key setup builds no tables; Bouncy Castle's portable AES-GCM spent more
 * CPU on one handshake's server flight and three key setups than on all of its HMACs. Same
 * algorithm, same bytes: {@code KeyedAeadTest} checks it against Bouncy Castle's.
 *
 * <p>The cipher is re-initialised with each record's nonce; SunJCE keeps the expanded key while
 * the key stays the same. Like Bouncy Castle, SunJCE refuses to encrypt twice in a row under the
 * same key and nonce. Not thread-safe.
 */
final class JdkAesGcm {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * SunJCE, looked up once: asking for a cipher by provider name searches the provider list
     * each time, a good part of what getting a cipher costs (three per handshake). Null when this
     * JDK has no SunJCE, and Bouncy Castle's AES-GCM runs.
     */
    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    private final Cipher cipher;
    private final SecretKeySpec key;

    private JdkAesGcm(Cipher cipher, byte[] key) {
        this.cipher = cipher;
        this.key = new SecretKeySpec(key, "AES");
    }

    /** AES-GCM under {@code key} (16 or 32 bytes), or null when this JDK has no SunJCE AES-GCM. */
    static JdkAesGcm of(byte[] key) {
        try {
            return SUN_JCE == null ? null : new JdkAesGcm(Cipher.getInstance(TRANSFORMATION, SUN_JCE), key);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Ciphertext and tag; an IllegalArgumentException when {@code nonce} was the last one sealed with. */
    byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        init(Cipher.ENCRYPT_MODE, nonce);
        cipher.updateAAD(aad);
        try {
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption cannot fail", e);
        }
    }

    /** The plaintext, or null when the tag does not match. */
    byte[] open(byte[] nonce, byte[] aad, byte[] ciphertext) {
        init(Cipher.DECRYPT_MODE, nonce);
        cipher.updateAAD(aad);
        try {
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException forged) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed other than by its tag", e);
        }
    }

    private void init(int mode, byte[] nonce) {
        try {
            cipher.init(mode, key, new GCMParameterSpec(AeadAlgorithm.TAG_LENGTH * 8, nonce));
        } catch (InvalidAlgorithmParameterException reused) {
            // SunJCE: "Cannot reuse iv for GCM encryption", as Bouncy Castle's IllegalArgumentException.
            throw new IllegalArgumentException("AES-GCM refuses to seal twice under one key and nonce", reused);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM key refused", e);
        }
    }
}
