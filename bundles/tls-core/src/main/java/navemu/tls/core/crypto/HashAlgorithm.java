package navemu.tls.core.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** The hash functions TLS uses: in a cipher suite's key schedule, in signatures, in HMAC. */
public enum HashAlgorithm {
    /** Only as the HMAC of TLS 1.2 *_CBC_SHA suites (RFC 5246 §6.2.3.1); never for a transcript or signature we accept. */
    SHA1("SHA-1", 20, 64),
    SHA256("SHA-256", 32, 64),
    SHA384("SHA-384", 48, 128),
    SHA512("SHA-512", 64, 128);

    /** HMAC's inner and outer pad bytes (RFC 2104 §2). */
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final String displayName;
    private final int length;
    /** The block size B of RFC 2104: what an HMAC key is padded to. */
    private final int blockLength;
    /** Hash(""), the context of every Derive-Secret(., "derived", "") (RFC 8446 §7.1); made at first use. */
    private volatile byte[] emptyHash;
    /**
     * The JDK's implementation in its initial state, copied for each new digest (see
     * {@link JdkDigest}); null when this JDK has none or does not compile it to the CPU's SHA
     * instructions ({@link JdkIntrinsics}), and Bouncy Castle's is used.
     */
    private final JdkDigest jdk;

    HashAlgorithm(String displayName, int length, int blockLength) {
        this.displayName = displayName;
        this.length = length;
        this.blockLength = blockLength;
        this.jdk = JdkIntrinsics.COMPILED ? JdkDigest.of(displayName, length, blockLength) : null;
    }

    /** Output length in bytes ({@code Hash.length} in RFC 8446 §7.1). */
    public int length() {
        return length;
    }

    /**
     * A new digest: the JDK's where C2 compiles it to the CPU's SHA instructions, else Bouncy
     * Castle's. Either is a Bouncy Castle {@link Digest} that is also
     * {@link org.bouncycastle.util.Memoable} and {@link org.bouncycastle.crypto.ExtendedDigest}.
     */
    public Digest newDigest() {
        if (jdk != null) {
            return jdk.fresh();
        }
        switch (this) {
            case SHA1: return new org.bouncycastle.crypto.digests.SHA1Digest();
            case SHA256: return new SHA256Digest();
            case SHA384: return new SHA384Digest();
            default: return new SHA512Digest();
        }
    }

    public byte[] hash(byte[] data) {
        Digest d = newDigest();
        d.update(data, 0, data.length);
        byte[] out = new byte[length];
        d.doFinal(out, 0);
        return out;
    }

    /** Hash of the empty string: a constant, computed once (a copy each time, as every byte[] here). */
    public byte[] emptyHash() {
        byte[] known = emptyHash;
        if (known == null) {
            known = hash(new byte[0]);
            emptyHash = known;
        }
        return known.clone();
    }

    /**
     * HMAC (RFC 2104 §2): {@code H(K XOR opad, H(K XOR ipad, data))}, K being the key padded with
     * zeros to the hash's block size (or, when longer than a block, its hash).
     *
     * <p>Written out on one digest rather than through Bouncy Castle's {@code HMac}, which keeps
     * copies of the padded states to reuse a key: a TLS 1.3 handshake uses each HMAC key once or
     * twice, so those copies (four digest clones per HMAC) cost more than hashing the two pad
     * blocks each time. Same bytes: {@code HmacTest} checks it against {@code HMac} and RFC 4231.
     */
    public byte[] hmac(byte[] key, byte[] data) {
        Digest digest = newDigest();
        byte[] pad = new byte[blockLength];
        byte[] k = key.length > blockLength ? hash(key) : key;
        System.arraycopy(k, 0, pad, 0, k.length);
        for (int i = 0; i < pad.length; i++) {
            pad[i] ^= IPAD;
        }
        digest.update(pad, 0, pad.length);
        digest.update(data, 0, data.length);
        byte[] inner = new byte[length];
        digest.doFinal(inner, 0); // and the digest starts again, empty
        for (int i = 0; i < pad.length; i++) {
            pad[i] ^= IPAD ^ OPAD;
        }
        digest.update(pad, 0, pad.length);
        digest.update(inner, 0, inner.length);
        byte[] out = new byte[length];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
