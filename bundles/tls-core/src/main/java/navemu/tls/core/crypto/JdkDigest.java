package navemu.tls.core.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * The JDK's SHA-1 / SHA-2 ({@link MessageDigest}) behind Bouncy Castle's {@link ExtendedDigest}
 * and {@link Memoable}, so that Bouncy Castle's HMAC, signers and our transcript hash run on it
 * unchanged.
 *
 * <p>Why: HotSpot compiles the JDK's SHA compression functions to the CPU's SHA instructions
 * (SHA-NI, or AVX2 for SHA-512), several times faster than Bouncy Castle's portable Java code. A
 * TLS 1.3 handshake computes some 30 HMACs and hashes every handshake message, so this is where
 * the client spent most of its CPU outside the public-key operations. The function is the same:
 * the same bytes in give the same bytes out, checked against Bouncy Castle in {@code JdkDigestTest}.
 *
 * <p>A JDK without the algorithm (a trimmed or FIPS-restricted provider list), or a JVM whose JIT
 * does not compile it to those instructions ({@link JdkIntrinsics}), gets Bouncy Castle's digest
 * from {@link HashAlgorithm#newDigest}, so nothing depends on this class being usable. Not
 * thread-safe, as no digest is.
 */
final class JdkDigest implements ExtendedDigest, Memoable {
    private final String name;
    private final int length;
    private final int blockLength;
    private MessageDigest digest;

    private JdkDigest(String name, int length, int blockLength, MessageDigest digest) {
        this.name = name;
        this.length = length;
        this.blockLength = blockLength;
        this.digest = digest;
    }

    /**
     * A fresh digest of the JDK's {@code name} (the standard name, which is also Bouncy Castle's:
     * "SHA-256"), or null when the JDK has no cloneable implementation of it.
     */
    static JdkDigest of(String name, int length, int blockLength) {
        try {
            MessageDigest digest = MessageDigest.getInstance(name);
            digest.clone(); // copy() and HMAC's saved pad states need it
            return new JdkDigest(name, length, blockLength, digest);
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
        }
    }

    /** Another digest of the same algorithm in its initial state (cheaper than a provider lookup). */
    JdkDigest fresh() {
        JdkDigest copy = (JdkDigest) copy();
        copy.reset();
        return copy;
    }

    @Override
    public String getAlgorithmName() {
        return name;
    }

    @Override
    public int getDigestSize() {
        return length;
    }

    @Override
    public int getByteLength() {
        return blockLength;
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        digest.update(in, inOff, len);
    }

    /** Writes the hash at {@code out[outOff]} and resets, as Bouncy Castle's digests do. */
    @Override
    public int doFinal(byte[] out, int outOff) {
        try {
            return digest.digest(out, outOff, length); // straight into out, no array of its own
        } catch (DigestException e) {
            throw new IllegalStateException("asked for exactly the hash's length", e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }

    /** An independent digest in this one's current state. */
    @Override
    public Memoable copy() {
        return new JdkDigest(name, length, blockLength, cloneOf(digest));
    }

    /** Takes {@code other}'s state (a copy of it: {@code other} may be restored from again, as HMAC does). */
    @Override
    public void reset(Memoable other) {
        JdkDigest source = (JdkDigest) other;
        if (!source.name.equals(name)) {
            throw new IllegalArgumentException("cannot take the state of " + source.name + " into " + name);
        }
        digest = cloneOf(source.digest);
    }

    private static MessageDigest cloneOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("checked cloneable in of()", e);
        }
    }
}
