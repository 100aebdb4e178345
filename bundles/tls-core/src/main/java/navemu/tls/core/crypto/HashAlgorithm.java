package navemu.tls.core.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The hash functions TLS uses: in a cipher suite's key schedule, in signatures, in HMAC. */
public enum HashAlgorithm {
    /** Only as the HMAC of TLS 1.2 *_CBC_SHA suites (RFC 5246 §6.2.3.1); never for a transcript or signature we accept. */
    SHA1("SHA-1", 20, 64),
    SHA256("SHA-256", 32, 64),
    SHA384("SHA-384", 48, 128),
    SHA512("SHA-512", 64, 128);

    private final String displayName;
    private final int length;
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
     * HMAC (RFC 2104) by Bouncy Castle's {@code HMac}: the one construction in the key schedule
     * that a well-kept library already does, so it is not written out here ({@code HmacTest}
     * checks it against RFC 4231's vectors).
     */
    public byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(newDigest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[length];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
