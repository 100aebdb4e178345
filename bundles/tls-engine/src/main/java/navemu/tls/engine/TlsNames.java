package navemu.tls.engine;

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

    private static final Map<Integer, String> SUITES = Map.ofEntries(
            Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"), Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), Map.entry(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256"), Map.entry(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA"), Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"));

    /** TLS Cipher Suites registry; unknown ones as hex. */
    static String cipherSuite(int id) {
        String name = SUITES.get(id);
        return name != null ? name : String.format("0x%04x", id);
    }

    private static final Map<Integer, String> EXTENSIONS = Map.ofEntries(
            Map.entry(0, "server_name"), Map.entry(5, "status_request"), Map.entry(10, "supported_groups"),
            Map.entry(11, "ec_point_formats"), Map.entry(13, "signature_algorithms"),
            Map.entry(16, "application_layer_protocol_negotiation"), Map.entry(17, "status_request_v2"),
            Map.entry(18, "signed_certificate_timestamp"), Map.entry(21, "padding"),
            Map.entry(23, "extended_master_secret"), Map.entry(35, "session_ticket"), Map.entry(41, "pre_shared_key"),
            Map.entry(42, "early_data"), Map.entry(43, "supported_versions"), Map.entry(44, "cookie"),
            Map.entry(45, "psk_key_exchange_modes"), Map.entry(50, "signature_algorithms_cert"),
            Map.entry(51, "key_share"), Map.entry(65281, "renegotiation_info"));

    /** TLS ExtensionType registry (RFC 8446 §4.2); unknown ones by number. */
    static String extension(int type) {
        String name = EXTENSIONS.get(type);
        return name != null ? name : Integer.toString(type);
    }
}
