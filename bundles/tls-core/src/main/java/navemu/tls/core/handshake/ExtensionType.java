package navemu.tls.core.handshake;

/** Extension code points (RFC 8446 §4.2 and the RFCs each line cites), with names for the trace. */
public final class ExtensionType {
    public static final int SERVER_NAME = 0;                 // RFC 6066 §3
    public static final int MAX_FRAGMENT_LENGTH = 1;         // RFC 6066 §4
    public static final int STATUS_REQUEST = 5;              // RFC 6066 §8, RFC 8446 §4.4.2.1
    public static final int SUPPORTED_GROUPS = 10;           // RFC 8446 §4.2.7
    public static final int EC_POINT_FORMATS = 11;           // RFC 8422 §5.1.2 (TLS 1.2)
    public static final int SIGNATURE_ALGORITHMS = 13;       // RFC 8446 §4.2.3
    public static final int USE_SRTP = 14;                   // RFC 5764
    public static final int HEARTBEAT = 15;                  // RFC 6520
    public static final int ALPN = 16;                       // RFC 7301
    public static final int SIGNED_CERTIFICATE_TIMESTAMP = 18; // RFC 6962
    public static final int PADDING = 21;                    // RFC 7685
    public static final int ENCRYPT_THEN_MAC = 22;           // RFC 7366 (TLS 1.2)
    public static final int EXTENDED_MASTER_SECRET = 23;     // RFC 7627 (TLS 1.2)
    public static final int COMPRESS_CERTIFICATE = 27;       // RFC 8879 §3
    public static final int RECORD_SIZE_LIMIT = 28;          // RFC 8449
    public static final int SESSION_TICKET = 35;             // RFC 5077 (TLS 1.2)
    public static final int PRE_SHARED_KEY = 41;             // RFC 8446 §4.2.11
    public static final int EARLY_DATA = 42;                 // RFC 8446 §4.2.10
    public static final int SUPPORTED_VERSIONS = 43;         // RFC 8446 §4.2.1
    public static final int COOKIE = 44;                     // RFC 8446 §4.2.2
    public static final int PSK_KEY_EXCHANGE_MODES = 45;     // RFC 8446 §4.2.9
    public static final int CERTIFICATE_AUTHORITIES = 47;    // RFC 8446 §4.2.4
    public static final int OID_FILTERS = 48;                // RFC 8446 §4.2.5
    public static final int POST_HANDSHAKE_AUTH = 49;        // RFC 8446 §4.2.6
    public static final int SIGNATURE_ALGORITHMS_CERT = 50;  // RFC 8446 §4.2.3
    public static final int KEY_SHARE = 51;                  // RFC 8446 §4.2.8
    /** ALPS, draft-vvv-tls-alps; 17613 is the codepoint Chrome uses since it replaced the first one (17513). */
    public static final int APPLICATION_SETTINGS = 0x44cd;
    public static final int ENCRYPTED_CLIENT_HELLO = 0xfe0d; // draft-ietf-tls-esni
    public static final int RENEGOTIATION_INFO = 0xff01;     // RFC 5746 (TLS 1.2)

    private ExtensionType() {
    }

    public static String nameOf(int type) {
        if (GreaseValues.isGrease(type)) {
            return GreaseValues.name(type);
        }
        switch (type) {
            case SERVER_NAME: return "server_name";
            case MAX_FRAGMENT_LENGTH: return "max_fragment_length";
            case STATUS_REQUEST: return "status_request";
            case SUPPORTED_GROUPS: return "supported_groups";
            case EC_POINT_FORMATS: return "ec_point_formats";
            case SIGNATURE_ALGORITHMS: return "signature_algorithms";
            case USE_SRTP: return "use_srtp";
            case HEARTBEAT: return "heartbeat";
            case ALPN: return "application_layer_protocol_negotiation";
            case SIGNED_CERTIFICATE_TIMESTAMP: return "signed_certificate_timestamp";
            case PADDING: return "padding";
            case ENCRYPT_THEN_MAC: return "encrypt_then_mac";
            case EXTENDED_MASTER_SECRET: return "extended_master_secret";
            case COMPRESS_CERTIFICATE: return "compress_certificate";
            case RECORD_SIZE_LIMIT: return "record_size_limit";
            case SESSION_TICKET: return "session_ticket";
            case PRE_SHARED_KEY: return "pre_shared_key";
            case EARLY_DATA: return "early_data";
            case SUPPORTED_VERSIONS: return "supported_versions";
            case COOKIE: return "cookie";
            case PSK_KEY_EXCHANGE_MODES: return "psk_key_exchange_modes";
            case CERTIFICATE_AUTHORITIES: return "certificate_authorities";
            case OID_FILTERS: return "oid_filters";
            case POST_HANDSHAKE_AUTH: return "post_handshake_auth";
            case SIGNATURE_ALGORITHMS_CERT: return "signature_algorithms_cert";
            case KEY_SHARE: return "key_share";
            case APPLICATION_SETTINGS: return "application_settings";
            case ENCRYPTED_CLIENT_HELLO: return "encrypted_client_hello";
            case RENEGOTIATION_INFO: return "renegotiation_info";
            default: return "extension " + type;
        }
    }
}
