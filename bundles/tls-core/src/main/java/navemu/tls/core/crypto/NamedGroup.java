package navemu.tls.core.crypto;

/**
 * The key-exchange groups this client knows (RFC 8446 §4.2.7); others are shown by number. The
 * first three are Diffie-Hellman groups ({@link EphemeralKeyExchange}, TLS 1.2 and 1.3);
 * X25519MLKEM768 is a hybrid of a KEM and X25519 ({@link X25519MlKem768KeyExchange}), defined for
 * TLS 1.3 only. {@link ClientKeyShare#generate} makes a key share of any of them.
 */
public enum NamedGroup {
    SECP256R1(0x0017, "secp256r1", 65),
    SECP384R1(0x0018, "secp384r1", 97),
    X25519(0x001d, "x25519", 32),
    /** draft-ietf-tls-ecdhe-mlkem: the length is our 1216-byte client share; the server's answer is 1120. */
    X25519MLKEM768(X25519MlKem768KeyExchange.CODE, X25519MlKem768KeyExchange.NAME, X25519MlKem768KeyExchange.CLIENT_SHARE_LENGTH);

    private final int code;
    private final String rfcName;
    private final int publicKeyLength;

    NamedGroup(int code, String rfcName, int publicKeyLength) {
        this.code = code;
        this.rfcName = rfcName;
        this.publicKeyLength = publicKeyLength;
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }

    /** Length of a key_exchange value (RFC 8446 §4.2.8.2: uncompressed points; §4.2.8.2 X25519: 32 bytes). */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** True for a hybrid post-quantum group (a KEM beside X25519), false for a Diffie-Hellman group. */
    public boolean isHybrid() {
        return this == X25519MLKEM768;
    }

    /** The Diffie-Hellman groups: those {@link EphemeralKeyExchange} generates and TLS 1.2's ECDHE may use. */
    public static java.util.List<NamedGroup> diffieHellmanGroups() {
        return java.util.Arrays.stream(values()).filter(g -> !g.isHybrid()).toList();
    }

    public static NamedGroup of(int code) {
        for (NamedGroup g : values()) {
            if (g.code == code) {
                return g;
            }
        }
        return null;
    }

    public static String nameOf(int code) {
        NamedGroup g = of(code);
        if (g != null) {
            return g.rfcName;
        }
        if (navemu.tls.core.handshake.GreaseValues.isGrease(code)) {
            return navemu.tls.core.handshake.GreaseValues.name(code);
        }
        switch (code) {
            case 0x0019: return "secp521r1";
            case 0x001e: return "x448";
            case 0x0100: return "ffdhe2048";
            case 0x0101: return "ffdhe3072";
            case 0x0102: return "ffdhe4096";
            case 0x0103: return "ffdhe6144";
            case 0x0104: return "ffdhe8192";
            default: return String.format("0x%04x", code);
        }
    }

    @Override
    public String toString() {
        return rfcName;
    }
}
