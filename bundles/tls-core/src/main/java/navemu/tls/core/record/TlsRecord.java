package navemu.tls.core.record;

/**
 * One record (RFC 8446 §5.1 TLSPlaintext, §5.2 TLSCiphertext): a content type, the
 * legacy_record_version and a fragment. On the wire the type of a protected record is always
 * application_data; after {@link RecordProtection#unprotect} it is the real (inner) type.
 */
public record TlsRecord(ContentType type, int legacyVersion, byte[] fragment) {

    /** 5 bytes: type, version, length. */
    public static final int HEADER_LENGTH = 5;
    /** 2^14: the largest plaintext fragment (RFC 8446 §5.1). */
    public static final int MAX_PLAINTEXT = 1 << 14;

    /** The record as it goes on the wire: header then fragment. */
    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + fragment.length];
        out[0] = (byte) type.code();
        out[1] = (byte) (legacyVersion >>> 8);
        out[2] = (byte) legacyVersion;
        out[3] = (byte) (fragment.length >>> 8);
        out[4] = (byte) fragment.length;
        System.arraycopy(fragment, 0, out, HEADER_LENGTH, fragment.length);
        return out;
    }
}
