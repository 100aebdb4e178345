package navemu.tls.jsse;

import java.util.Map;

/** IANA names for the numbers that appear in plaintext handshake messages (TLS registries). */
final class TlsNames {

    private TlsNames() {
    }

    /** TLS HandshakeType registry (RFC 8446 §4, RFC 5246 §7.4). */
    static String handshakeType(int type) {
        switch (type) {
            case 0: return "HelloRequest";
            case 1: return "ClientHello";
            case 2: return "ServerHello";
            case 4: return "NewSessionTicket";
            case 5: return "EndOfEarlyData";
            case 8: return "EncryptedExtensions";
            case 11: return "Certificate";
            case 12: return "ServerKeyExchange";
            case 13: return "CertificateRequest";
            case 14: return "ServerHelloDone";
            case 15: return "CertificateVerify";
            case 16: return "ClientKeyExchange";
            case 20: return "Finished";
            case 22: return "CertificateStatus";
            case 24: return "KeyUpdate";
            case 254: return "MessageHash";
            default: return "Handshake(" + type + ")";
        }
    }

    private static final Map<Integer, String> GROUPS = Map.ofEntries(
            Map.entry(0x0017, "secp256r1"), Map.entry(0x0018, "secp384r1"), Map.entry(0x0019, "secp521r1"),
            Map.entry(0x001d, "x25519"), Map.entry(0x001e, "x448"),
            Map.entry(0x0100, "ffdhe2048"), Map.entry(0x0101, "ffdhe3072"), Map.entry(0x0102, "ffdhe4096"),
            Map.entry(0x0103, "ffdhe6144"), Map.entry(0x0104, "ffdhe8192"),
            Map.entry(0x11ec, "X25519MLKEM768"), Map.entry(0x6399, "X25519Kyber768Draft00"));

    /** TLS Supported Groups registry (RFC 8446 §4.2.7). */
    static String group(int id) {
        String name = GROUPS.get(id);
        return name != null ? name : String.format("0x%04x", id);
    }

    /** ProtocolVersion (RFC 8446 §4.1.2, §4.2.1). */
    static String version(int v) {
        switch (v) {
            case 0x0300: return "SSLv3";
            case 0x0301: return "TLSv1";
            case 0x0302: return "TLSv1.1";
            case 0x0303: return "TLSv1.2";
            case 0x0304: return "TLSv1.3";
            default: return String.format("0x%04x", v);
        }
    }

    /** TLS AlertDescription registry (RFC 8446 §6). */
    static String alert(int description) {
        switch (description) {
            case 0: return "close_notify";
            case 10: return "unexpected_message";
            case 20: return "bad_record_mac";
            case 22: return "record_overflow";
            case 40: return "handshake_failure";
            case 42: return "bad_certificate";
            case 43: return "unsupported_certificate";
            case 44: return "certificate_revoked";
            case 45: return "certificate_expired";
            case 46: return "certificate_unknown";
            case 47: return "illegal_parameter";
            case 48: return "unknown_ca";
            case 50: return "decode_error";
            case 51: return "decrypt_error";
            case 70: return "protocol_version";
            case 71: return "insufficient_security";
            case 80: return "internal_error";
            case 86: return "inappropriate_fallback";
            case 90: return "user_canceled";
            case 109: return "missing_extension";
            case 110: return "unsupported_extension";
            case 112: return "unrecognized_name";
            case 116: return "certificate_required";
            case 120: return "no_application_protocol";
            default: return "alert(" + description + ")";
        }
    }
}
