package navemu.tls.core.crypto;

import java.nio.charset.StandardCharsets;

import navemu.tls.core.wire.WireWriter;

/**
 * HKDF (RFC 5869) and the two TLS 1.3 functions built on it, HKDF-Expand-Label and
 * Derive-Secret (RFC 8446 §7.1).
 */
public final class Hkdf {
    private final HashAlgorithm hash;

    public Hkdf(HashAlgorithm hash) {
        this.hash = hash;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    /** HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM); an absent salt is Hash.length zeros (RFC 5869 §2.2). */
    public byte[] extract(byte[] salt, byte[] ikm) {
        byte[] s = salt == null || salt.length == 0 ? new byte[hash.length()] : salt;
        return hash.hmac(s, ikm);
    }

    /** HKDF-Expand(PRK, info, L) (RFC 5869 §2.3): T(i) = HMAC(PRK, T(i-1) | info | i). */
    public byte[] expand(byte[] prk, byte[] info, int length) {
        if (length > 255 * hash.length()) {
            throw new IllegalArgumentException("HKDF-Expand cannot make " + length + " bytes");
        }
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            byte[] input = new byte[t.length + info.length + 1];
            System.arraycopy(t, 0, input, 0, t.length);
            System.arraycopy(info, 0, input, t.length, info.length);
            input[input.length - 1] = (byte) i;
            t = hash.hmac(prk, input);
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * The HkdfLabel structure of RFC 8446 §7.1: {@code uint16 length; opaque label<7..255> =
     * "tls13 " + Label; opaque context<0..255>}. Exposed for tests that check the "info" bytes
     * of RFC 8448.
     */
    public static byte[] hkdfLabel(String label, byte[] context, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        return new WireWriter().u16(length).opaque8(fullLabel).opaque8(context).toByteArray();
    }

    /** HKDF-Expand-Label(Secret, Label, Context, Length) (RFC 8446 §7.1). */
    public byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        return expand(secret, hkdfLabel(label, context, length), length);
    }

    /** Derive-Secret(Secret, Label, Messages) with the transcript hash already computed (RFC 8446 §7.1). */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(secret, label, transcriptHash, hash.length());
    }
}
