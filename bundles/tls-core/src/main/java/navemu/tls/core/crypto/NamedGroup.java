package navemu.tls.core.crypto;

/** The key-exchange groups this client knows (RFC 8446 §4.2.7); others are shown by number. */
public enum NamedGroup {
    SECP256R1(0x0017, "secp256r1", 65),
    SECP384R1(0x0018, "secp384r1", 97),
    X25519(0x001d, "x25519", 32);

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
        switch (code) {
            case 0x0019: return "secp521r1";
            case 0x001e: return "x448";
            case 0x0100: return "ffdhe2048";
            case 0x0101: return "ffdhe3072";
            case 0x0102: return "ffdhe4096";
            case 0x0103: return "ffdhe6144";
            case 0x0104: return "ffdhe8192";
            case 0x11ec: return "X25519MLKEM768";
            default: return String.format("0x%04x", code);
        }
    }

    @Override
    public String toString() {
        return rfcName;
    }
}
