package navemu.tls.core.crypto;

/**
 * The TLS 1.2 cipher suites navemu's clients know (RFC 5246 §A.5, RFC 5288, RFC 5289, RFC 7905):
 * a key exchange, a record protection (AEAD, or AES-CBC with HMAC, RFC 5246 §6.2.3.2) and the PRF hash.
 */
public enum Tls12CipherSuite {
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, KeyExchange.ECDHE_ECDSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, KeyExchange.ECDHE_RSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, KeyExchange.ECDHE_ECDSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, KeyExchange.ECDHE_RSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, KeyExchange.ECDHE_ECDSA, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA8, KeyExchange.ECDHE_RSA, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256),
    /** RFC 4492 §6 (ECDHE) with AES-CBC and HMAC-SHA1; under TLS 1.2 the PRF is SHA-256 (RFC 5246 §5). */
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xC013, KeyExchange.ECDHE_RSA, 16, HashAlgorithm.SHA1),
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xC014, KeyExchange.ECDHE_RSA, 32, HashAlgorithm.SHA1),
    TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, KeyExchange.RSA, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
    TLS_RSA_WITH_AES_256_GCM_SHA384(0x009D, KeyExchange.RSA, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
    /** RFC 5246 §A.5: RSA key transport, AES-CBC, HMAC-SHA1; PRF SHA-256. */
    TLS_RSA_WITH_AES_128_CBC_SHA(0x002F, KeyExchange.RSA, 16, HashAlgorithm.SHA1),
    TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, KeyExchange.RSA, 32, HashAlgorithm.SHA1),
    /** AES-128-CBC with HMAC-SHA256 (RFC 5246 §A.5): MAC key 32 bytes, no fixed IV (explicit per record). */
    TLS_RSA_WITH_AES_128_CBC_SHA256(0x003C, KeyExchange.RSA, 16, HashAlgorithm.SHA256);

    /** How the pre-master secret is agreed. */
    public enum KeyExchange {
        /** The client encrypts it to the certificate's RSA key (RFC 5246 §7.4.7.1): no forward secrecy. */
        RSA,
        /** Ephemeral ECDH, parameters signed with the certificate's RSA key (RFC 8422 §2.1). */
        ECDHE_RSA,
        /** Ephemeral ECDH, parameters signed with the certificate's ECDSA key (RFC 8422 §2.1). */
        ECDHE_ECDSA;

        public boolean ephemeral() {
            return this != RSA;
        }
    }

    private final int code;
    private final KeyExchange keyExchange;
    /** The AEAD; null for a CBC suite. */
    private final AeadAlgorithm aead;
    /** CBC only: the AES key length (16 or 32) and the HMAC's hash. */
    private final int cbcKeyLength;
    private final HashAlgorithm macHash;
    private final HashAlgorithm prfHash;

    /** An AEAD suite: the PRF hash is the suite's named hash (RFC 5288 §3, RFC 7905 §2). */
    Tls12CipherSuite(int code, KeyExchange keyExchange, AeadAlgorithm aead, HashAlgorithm prfHash) {
        this.code = code;
        this.keyExchange = keyExchange;
        this.aead = aead;
        this.cbcKeyLength = 0;
        this.macHash = null;
        this.prfHash = prfHash;
    }

    /**
     * A CBC suite: its MAC hash is the one in its name; the PRF is TLS 1.2's SHA-256 for them all
     * (RFC 5246 §5: suites defined before TLS 1.2, like the *_SHA ones, use it too).
     */
    Tls12CipherSuite(int code, KeyExchange keyExchange, int cbcKeyLength, HashAlgorithm macHash) {
        this.code = code;
        this.keyExchange = keyExchange;
        this.aead = null;
        this.cbcKeyLength = cbcKeyLength;
        this.macHash = macHash;
        this.prfHash = HashAlgorithm.SHA256;
    }

    public int code() {
        return code;
    }

    public KeyExchange keyExchange() {
        return keyExchange;
    }

    /** The AEAD, or null for a CBC suite. */
    public AeadAlgorithm aead() {
        return aead;
    }

    public boolean isCbc() {
        return aead == null;
    }

    /** The PRF's hash, also the transcript hash for Finished (RFC 5246 §5, §7.4.9). */
    public HashAlgorithm prfHash() {
        return prfHash;
    }

    /** CBC: the record MAC's hash (HMAC-SHA1 for *_CBC_SHA, HMAC-SHA256 for *_CBC_SHA256); AEAD: null. */
    public HashAlgorithm macHash() {
        return macHash;
    }

    /** CBC: HMAC key length (the MAC's hash length, RFC 5246 §6.2.3.1); AEAD: 0. */
    public int macKeyLength() {
        return isCbc() ? macHash.length() : 0;
    }

    public int encryptionKeyLength() {
        return isCbc() ? cbcKeyLength : aead.keyLength();
    }

    /** The fixed IV of the key block: 4 bytes for GCM, 12 for ChaCha20, 0 for CBC (explicit IVs). */
    public int fixedIvLength() {
        return isCbc() ? 0 : (aead == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4);
    }

    /** key_block length (RFC 5246 §6.3): two MAC keys, two encryption keys, two fixed IVs. */
    public int keyBlockLength() {
        return 2 * (macKeyLength() + encryptionKeyLength() + fixedIvLength());
    }

    public static Tls12CipherSuite of(int code) {
        for (Tls12CipherSuite s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    public static Tls12CipherSuite byName(String name) {
        for (Tls12CipherSuite s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    /** The IANA name for any suite code, for the trace: TLS 1.2 names, TLS 1.3 names, else hex. */
    public static String nameOf(int code) {
        Tls12CipherSuite s = of(code);
        return s != null ? s.name() : Tls13CipherSuite.nameOf(code);
    }
}
