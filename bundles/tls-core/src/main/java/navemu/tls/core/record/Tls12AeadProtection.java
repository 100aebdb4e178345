package navemu.tls.core.record;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.AeadAlgorithm;
import navemu.tls.core.crypto.KeyedAead;

/**
 * TLS 1.2 AEAD record protection (RFC 5246 §6.2.3.3) for one direction:
 * <ul>
 * <li>AES-GCM (RFC 5288 §3): nonce = the 4-byte implicit salt (client/server_write_IV) followed
 * by an 8-byte explicit nonce that travels at the front of each record; we send the sequence
 * number there, as RFC 5288 §3 suggests and every major stack does;</li>
 * <li>ChaCha20-Poly1305 (RFC 7905 §2): nonce = the 12-byte write IV XOR the sequence number,
 * nothing explicit on the wire.</li>
 * </ul>
 * additional_data = seq_num(8) + type(1) + version(2) + plaintext length(2). The content type
 * stays visible on the wire.
 */
public final class Tls12AeadProtection implements RecordProtection {
    /** 2^14 + 2048: the largest TLSCiphertext fragment (RFC 5246 §6.2.3). */
    public static final int MAX_CIPHERTEXT = TlsRecord.MAX_PLAINTEXT + 2048;
    private static final int EXPLICIT_NONCE_LENGTH = 8;
    /** TLS 1.2's version, which our records carry (RFC 5246 §6.2.1). */
    private static final int RECORD_VERSION = 0x0303;

    private final AeadAlgorithm aead;
    /** This direction's key, its cipher kept from record to record. */
    private final KeyedAead keyed;
    private final byte[] writeIv;
    private long sequenceNumber;

    /**
     * @param writeIv from the key block: 4 bytes (the GCM salt) for AES-GCM, 12 bytes for ChaCha20-Poly1305
     */
    public Tls12AeadProtection(AeadAlgorithm aead, byte[] key, byte[] writeIv) {
        int expected = aead == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
        if (writeIv.length != expected || key.length != aead.keyLength()) {
            throw new IllegalArgumentException(aead + " needs a " + aead.keyLength() + "-byte key and a " + expected + "-byte IV");
        }
        this.aead = aead;
        this.keyed = aead.keyed(key);
        this.writeIv = writeIv.clone();
    }

    /** The fixed IV length the key block must provide for this AEAD (RFC 5288 §3, RFC 7905 §2). */
    public static int fixedIvLength(AeadAlgorithm aead) {
        return aead == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
    }

    @Override
    public TlsRecord protect(ContentType type, byte[] fragment) {
        long seq = sequenceNumber++;
        byte[] explicit = explicitNonce(seq);
        byte[] sealed = keyed.seal(nonce(seq, explicit), additionalData(seq, type, RECORD_VERSION, fragment.length), fragment);
        if (!usesExplicitNonce()) {
            return new TlsRecord(type, RECORD_VERSION, sealed);
        }
        byte[] out = new byte[EXPLICIT_NONCE_LENGTH + sealed.length];
        System.arraycopy(explicit, 0, out, 0, EXPLICIT_NONCE_LENGTH);
        System.arraycopy(sealed, 0, out, EXPLICIT_NONCE_LENGTH, sealed.length);
        return new TlsRecord(type, RECORD_VERSION, out);
    }

    @Override
    public TlsRecord unprotect(TlsRecord wire) throws TlsAlertException {
        byte[] f = wire.fragment();
        int overhead = (usesExplicitNonce() ? EXPLICIT_NONCE_LENGTH : 0) + AeadAlgorithm.TAG_LENGTH;
        if (f.length < overhead) {
            throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC,
                    "protected record of " + f.length + " bytes is shorter than its nonce and tag");
        }
        long seq = sequenceNumber++;
        byte[] explicit = usesExplicitNonce() ? java.util.Arrays.copyOf(f, EXPLICIT_NONCE_LENGTH) : null;
        byte[] sealed = usesExplicitNonce() ? java.util.Arrays.copyOfRange(f, EXPLICIT_NONCE_LENGTH, f.length) : f;
        int plaintextLength = sealed.length - AeadAlgorithm.TAG_LENGTH;
        byte[] plain = keyed.open(nonce(seq, explicit), additionalData(seq, wire.type(), wire.legacyVersion(), plaintextLength), sealed);
        if (plain == null) {
            throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC,
                    wire.type().rfcName() + " record " + seq + " failed AEAD authentication (RFC 5246 §6.2.3.3)");
        }
        return new TlsRecord(wire.type(), wire.legacyVersion(), plain);
    }

    @Override
    public int maxWireFragment() {
        return MAX_CIPHERTEXT;
    }

    @Override
    public boolean active() {
        return true;
    }

    private boolean usesExplicitNonce() {
        return aead != AeadAlgorithm.CHACHA20_POLY1305;
    }

    private byte[] explicitNonce(long seq) {
        byte[] n = new byte[EXPLICIT_NONCE_LENGTH];
        for (int i = 0; i < 8; i++) {
            n[7 - i] = (byte) (seq >>> (8 * i));
        }
        return n;
    }

    private byte[] nonce(long seq, byte[] explicit) {
        byte[] nonce = new byte[AeadAlgorithm.NONCE_LENGTH];
        if (usesExplicitNonce()) {
            System.arraycopy(writeIv, 0, nonce, 0, 4);
            System.arraycopy(explicit, 0, nonce, 4, EXPLICIT_NONCE_LENGTH);
        } else {
            System.arraycopy(writeIv, 0, nonce, 0, 12);
            for (int i = 0; i < 8; i++) {
                nonce[11 - i] ^= (byte) (seq >>> (8 * i));
            }
        }
        return nonce;
    }

    /**
     * additional_data (RFC 5246 §6.2.3.3) with the version the record carries: a record whose
     * version was changed on the way fails authentication instead of passing unnoticed.
     */
    private static byte[] additionalData(long seq, ContentType type, int version, int length) {
        byte[] ad = new byte[13];
        for (int i = 0; i < 8; i++) {
            ad[7 - i] = (byte) (seq >>> (8 * i));
        }
        ad[8] = (byte) type.code();
        ad[9] = (byte) (version >>> 8);
        ad[10] = (byte) version;
        ad[11] = (byte) (length >>> 8);
        ad[12] = (byte) length;
        return ad;
    }
}
