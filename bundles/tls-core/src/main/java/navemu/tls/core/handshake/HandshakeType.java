package navemu.tls.core.handshake;

/** Handshake message types (RFC 8446 §4, and the TLS 1.2 ones of RFC 5246 §7.4). */
public enum HandshakeType {
    CLIENT_HELLO(1, "ClientHello"),
    SERVER_HELLO(2, "ServerHello"),
    NEW_SESSION_TICKET(4, "NewSessionTicket"),
    END_OF_EARLY_DATA(5, "EndOfEarlyData"),
    ENCRYPTED_EXTENSIONS(8, "EncryptedExtensions"),
    CERTIFICATE(11, "Certificate"),
    SERVER_KEY_EXCHANGE(12, "ServerKeyExchange"),
    CERTIFICATE_REQUEST(13, "CertificateRequest"),
    SERVER_HELLO_DONE(14, "ServerHelloDone"),
    CERTIFICATE_VERIFY(15, "CertificateVerify"),
    CLIENT_KEY_EXCHANGE(16, "ClientKeyExchange"),
    FINISHED(20, "Finished"),
    CERTIFICATE_STATUS(22, "CertificateStatus"),
    KEY_UPDATE(24, "KeyUpdate"),
    COMPRESSED_CERTIFICATE(25, "CompressedCertificate"), // RFC 8879 §4
    MESSAGE_HASH(254, "message_hash");

    private final int code;
    private final String messageName;

    HandshakeType(int code, String messageName) {
        this.code = code;
        this.messageName = messageName;
    }

    public int code() {
        return code;
    }

    /** The name the RFC gives the message, as the trace shows it. */
    public String messageName() {
        return messageName;
    }

    public static HandshakeType of(int code) {
        for (HandshakeType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    public static String nameOf(int code) {
        HandshakeType t = of(code);
        return t != null ? t.messageName : "handshake type " + code;
    }
}
