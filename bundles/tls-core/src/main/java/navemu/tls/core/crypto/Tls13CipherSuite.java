package navemu.tls.core.crypto;

/**
 * The TLS 1.3 cipher suites (RFC 8446 §B.4): an AEAD and the hash of the key schedule.
 * TLS 1.2 suites, which also name a key exchange, live in their own type.
 */
public enum Tls13CipherSuite {
    TLS_AES_128_GCM_SHA256(0x1301, AeadAlgorithm.AES_128_GCM, HashAlgorithm.SHA256),
    TLS_AES_256_GCM_SHA384(0x1302, AeadAlgorithm.AES_256_GCM, HashAlgorithm.SHA384),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, AeadAlgorithm.CHACHA20_POLY1305, HashAlgorithm.SHA256);

    private final int code;
    private final AeadAlgorithm aead;
    private final HashAlgorithm hash;

    Tls13CipherSuite(int code, AeadAlgorithm aead, HashAlgorithm hash) {
        this.code = code;
        this.aead = aead;
        this.hash = hash;
    }

    public int code() {
        return code;
    }

    public AeadAlgorithm aead() {
        return aead;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public static Tls13CipherSuite of(int code) {
        for (Tls13CipherSuite s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    /** The IANA name for any suite code, for the trace: known TLS 1.3 names, else hex. */
    public static String nameOf(int code) {
        Tls13CipherSuite s = of(code);
        if (s != null) {
            return s.name();
        }
        return navemu.tls.core.handshake.GreaseValues.isGrease(code) ? navemu.tls.core.handshake.GreaseValues.name(code)
                : String.format("0x%04x", code);
    }
}
