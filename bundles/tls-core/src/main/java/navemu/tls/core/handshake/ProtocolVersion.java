package navemu.tls.core.handshake;

/** Protocol version numbers (RFC 8446 §4.2.1, RFC 5246 §6.2.1) and their names for the trace. */
public final class ProtocolVersion {
    public static final int TLS10 = 0x0301;
    public static final int TLS11 = 0x0302;
    public static final int TLS12 = 0x0303;
    public static final int TLS13 = 0x0304;

    private ProtocolVersion() {
    }

    /** {@code TLSv1.3}, the JSSE spelling the result uses. */
    public static String nameOf(int version) {
        switch (version) {
            case 0x0300: return "SSLv3";
            case TLS10: return "TLSv1";
            case TLS11: return "TLSv1.1";
            case TLS12: return "TLSv1.2";
            case TLS13: return "TLSv1.3";
            default:
                if ((version & 0x0f0f) == 0x0a0a) {
                    return "GREASE";
                }
                return String.format("0x%04x", version);
        }
    }
}
