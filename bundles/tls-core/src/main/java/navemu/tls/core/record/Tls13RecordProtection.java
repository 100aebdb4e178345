package navemu.tls.core.record;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.AeadAlgorithm;
import navemu.tls.core.crypto.KeyedAead;

/**
 * TLS 1.3 record protection (RFC 8446 §5.2–§5.4) for one direction: the content type moves
 * inside the encryption (TLSInnerPlaintext), the per-record nonce is the IV XOR the 64-bit
 * sequence number (§5.3), the additional data is the record header (§5.2), and the receiver
 * strips zero padding to find the real type (§5.4).
 */
public final class Tls13RecordProtection implements RecordProtection {
    /** 2^14 + 256: the largest TLSCiphertext fragment (RFC 8446 §5.2). */
    public static final int MAX_CIPHERTEXT = TlsRecord.MAX_PLAINTEXT + 256;

    /** This direction's key, its cipher kept from record to record. */
    private final KeyedAead aead;
    private final byte[] iv;
    private final int padding;
    private long sequenceNumber;

    public Tls13RecordProtection(AeadAlgorithm aead, TrafficKeys keys) {
        this(aead, keys, 0);
    }

    /** {@code padding}: zero bytes added to every record sent, to hide its length (§5.4). */
    public Tls13RecordProtection(AeadAlgorithm aead, TrafficKeys keys, int padding) {
        this.aead = aead.keyed(keys.key());
        this.iv = keys.iv();
        this.padding = padding;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public TlsRecord protect(ContentType type, byte[] fragment) {
        int pad = Math.max(0, Math.min(padding, TlsRecord.MAX_PLAINTEXT - fragment.length));
        byte[] inner = new byte[fragment.length + 1 + pad];
        System.arraycopy(fragment, 0, inner, 0, fragment.length);
        inner[fragment.length] = (byte) type.code();
        int length = inner.length + AeadAlgorithm.TAG_LENGTH;
        byte[] sealed = aead.seal(nextNonce(), header(length), inner);
        return new TlsRecord(ContentType.APPLICATION_DATA, 0x0303, sealed);
    }

    @Override
    public TlsRecord unprotect(TlsRecord wire) throws TlsAlertException {
        byte[] fragment = wire.fragment();
        if (fragment.length > MAX_CIPHERTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
                    "encrypted record of " + fragment.length + " bytes exceeds 2^14+256 (RFC 8446 §5.2)");
        }
        byte[] inner = aead.open(nextNonce(), header(fragment.length), fragment);
        if (inner == null) {
            throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC,
                    "record " + (sequenceNumber - 1) + " failed AEAD authentication (RFC 8446 §5.2)");
        }
        if (inner.length > TlsRecord.MAX_PLAINTEXT + 1) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
                    "decrypted record of " + inner.length + " bytes exceeds 2^14+1 (RFC 8446 §5.2)");
        }
        // §5.4: the type is the last non-zero byte; everything after it is padding.
        int i = inner.length - 1;
        while (i >= 0 && inner[i] == 0) {
            i--;
        }
        if (i < 0) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "encrypted record holds only padding, no content type (RFC 8446 §5.4)");
        }
        ContentType type = ContentType.of(inner[i] & 0xff);
        if (type == null || type == ContentType.CHANGE_CIPHER_SPEC) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "encrypted record has inner content type " + (inner[i] & 0xff));
        }
        byte[] content = java.util.Arrays.copyOf(inner, i);
        return new TlsRecord(type, wire.legacyVersion(), content);
    }

    @Override
    public int maxWireFragment() {
        return MAX_CIPHERTEXT;
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public boolean hidesContentType() {
        return true;
    }

    /** §5.3: the 64-bit sequence number, left-padded to iv_length, XORed with the IV. */
    private byte[] nextNonce() {
        if (sequenceNumber == -1L) {
            throw new IllegalStateException("sequence number would wrap: a KeyUpdate was needed (RFC 8446 §5.3)");
        }
        byte[] nonce = iv.clone();
        long seq = sequenceNumber++;
        for (int k = 0; k < 8; k++) {
            nonce[nonce.length - 1 - k] ^= (byte) (seq >>> (8 * k));
        }
        return nonce;
    }

    /** §5.2: additional_data = opaque_type || legacy_record_version || length. */
    private static byte[] header(int length) {
        return new byte[] {(byte) ContentType.APPLICATION_DATA.code(), 0x03, 0x03, (byte) (length >>> 8), (byte) length};
    }
}
