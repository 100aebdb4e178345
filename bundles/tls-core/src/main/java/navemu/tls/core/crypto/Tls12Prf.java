package navemu.tls.core.crypto;

import java.nio.charset.StandardCharsets;

/**
 * The TLS 1.2 pseudo-random function (RFC 5246 §5): {@code PRF(secret, label, seed) =
 * P_hash(secret, label + seed)}, with the cipher suite's hash (SHA-256 unless the suite says
 * SHA-384), and the values TLS 1.2 derives with it.
 */
public final class Tls12Prf {
    /** RFC 5246 §8.1: the master secret is always 48 bytes. */
    public static final int MASTER_SECRET_LENGTH = 48;
    /** RFC 5246 §7.4.9: verify_data_length is 12 for every suite we know. */
    public static final int VERIFY_DATA_LENGTH = 12;

    private final HashAlgorithm hash;

    public Tls12Prf(HashAlgorithm hash) {
        this.hash = hash;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    /** PRF(secret, label, seed) truncated to {@code length} bytes. */
    public byte[] derive(byte[] secret, String label, byte[] seed, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] labelAndSeed = new byte[labelBytes.length + seed.length];
        System.arraycopy(labelBytes, 0, labelAndSeed, 0, labelBytes.length);
        System.arraycopy(seed, 0, labelAndSeed, labelBytes.length, seed.length);
        return pHash(secret, labelAndSeed, length);
    }

    /**
     * P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + …, where
     * A(0) = seed and A(i) = HMAC(secret, A(i-1)) (RFC 5246 §5).
     */
    private byte[] pHash(byte[] secret, byte[] seed, int length) {
        byte[] out = new byte[length];
        byte[] a = seed;
        int done = 0;
        while (done < length) {
            a = hash.hmac(secret, a);
            byte[] aAndSeed = new byte[a.length + seed.length];
            System.arraycopy(a, 0, aAndSeed, 0, a.length);
            System.arraycopy(seed, 0, aAndSeed, a.length, seed.length);
            byte[] block = hash.hmac(secret, aAndSeed);
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47] (§8.1). */
    public byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom) {
        return derive(preMasterSecret, "master secret", concat(clientRandom, serverRandom), MASTER_SECRET_LENGTH);
    }

    /**
     * RFC 7627 §4: master_secret = PRF(pre_master_secret, "extended master secret", session_hash),
     * session_hash being the transcript hash up to and including ClientKeyExchange.
     */
    public byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] sessionHash) {
        return derive(preMasterSecret, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    /** key_block = PRF(master_secret, "key expansion", server_random + client_random) (§6.3): note the order. */
    public byte[] keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length) {
        return derive(masterSecret, "key expansion", concat(serverRandom, clientRandom), length);
    }

    /** verify_data = PRF(master_secret, "client finished" | "server finished", Hash(handshake_messages))[0..11] (§7.4.9). */
    public byte[] finishedVerifyData(byte[] masterSecret, boolean client, byte[] handshakeHash) {
        return derive(masterSecret, client ? "client finished" : "server finished", handshakeHash, VERIFY_DATA_LENGTH);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
