package navemu.tls.core.record;

import navemu.tls.core.alert.TlsAlertException;

/**
 * How one direction's records are protected. {@link #NONE} before keys are in place; TLS 1.3's
 * AEAD protection ({@link Tls13RecordProtection}); TLS 1.2's GCM and CBC protections are other
 * implementations. Each instance owns its sequence number.
 */
public interface RecordProtection {

    /** Wraps a plaintext fragment of {@code type} into the record that goes on the wire. */
    TlsRecord protect(ContentType type, byte[] fragment);

    /** Opens a record from the wire; failure is a fatal alert (bad_record_mac, record_overflow…). */
    TlsRecord unprotect(TlsRecord wire) throws TlsAlertException;

    /** The longest fragment a wire record may carry under this protection. */
    int maxWireFragment();

    /** False only for {@link #NONE}. */
    boolean active();

    /**
     * True when the real content type travels inside the encryption and every protected record
     * says application_data outside (TLS 1.3, RFC 8446 §5.2). TLS 1.2 protections keep the real
     * type on the wire (RFC 5246 §6.2.3).
     */
    default boolean hidesContentType() {
        return false;
    }

    /** No protection: records go out and come in as TLSPlaintext (RFC 8446 §5.1), labelled 0x0303. */
    RecordProtection NONE = plaintext(0x0303);

    /**
     * No protection, records we send labelled {@code recordVersion}: RFC 8446 §5.1 lets an initial
     * ClientHello's record say 0x0301 "for compatibility purposes", which is what Chrome sends.
     */
    static RecordProtection plaintext(int recordVersion) {
        return new RecordProtection() {
            @Override
            public TlsRecord protect(ContentType type, byte[] fragment) {
                return new TlsRecord(type, recordVersion, fragment);
            }

            @Override
            public TlsRecord unprotect(TlsRecord wire) {
                return wire;
            }

            @Override
            public int maxWireFragment() {
                return TlsRecord.MAX_PLAINTEXT;
            }

            @Override
            public boolean active() {
                return false;
            }
        };
    }
}
