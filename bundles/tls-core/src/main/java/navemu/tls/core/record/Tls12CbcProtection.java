package navemu.tls.core.record;

import java.security.SecureRandom;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.HashAlgorithm;

/**
 * TLS 1.2 block-cipher record protection with AES-CBC and HMAC (RFC 5246 §6.2.3.2), one
 * direction. Each record carries a fresh random IV. By default MAC-then-encrypt:
 * {@code IV || AES-CBC(content || MAC || padding)}, with the MAC over
 * {@code seq_num + type + version + length + content}; with encrypt_then_mac negotiated
 * (RFC 7366): {@code IV || AES-CBC(content || padding) || MAC}, the MAC over
 * {@code seq_num + type + version + length(IV+ciphertext) + IV + ciphertext}.
 *
 * <p>Every failure — bad length, bad padding, bad MAC — is the same bad_record_mac, and the
 * padding is checked without branching on its bytes, so a peer learns nothing from which one it
 * was (the padding-oracle lesson of RFC 5246 §6.2.3.2). With MAC-then-encrypt the length of the
 * MACed content depends on the padding length, so the HMAC alone would take longer for short
 * padding (Lucky13, AlFardan and Paterson 2013); {@link #macWithFixedWork} makes the hash do the
 * same number of compression-function calls whatever the padding, as Bouncy Castle's
 * {@code TlsSuiteHMac.calculateMacConstantTime} does. {@code scripts/bench.sh} prints what is
 * left of the difference (CbcPaddingTimingBenchmark).
 */
public final class Tls12CbcProtection implements RecordProtection {
    private static final int BLOCK = 16;
    /** seq_num(8) + type(1) + version(2) + length(2): what HMAC covers before the content. */
    private static final int MAC_HEADER_LENGTH = 13;
    /** TLS 1.2's version, which our records carry (RFC 5246 §6.2.1). */
    private static final int RECORD_VERSION = 0x0303;
    /** Input for the dummy digest: at most a 128-byte block, or 255 bytes of padding's worth. */
    private static final byte[] DUMMY_INPUT = new byte[256];

    private final byte[] encryptionKey;
    private final byte[] macKey;
    private final HashAlgorithm macHash;
    private final boolean encryptThenMac;
    private final SecureRandom random;
    /** Burns the compression-function calls a short MAC input saved (see {@link #macWithFixedWork}). */
    private final ExtendedDigest dummyDigest;
    private long sequenceNumber;

    public Tls12CbcProtection(byte[] encryptionKey, byte[] macKey, HashAlgorithm macHash, boolean encryptThenMac,
                              SecureRandom random) {
        if (encryptionKey.length != 16 && encryptionKey.length != 32) {
            throw new IllegalArgumentException("AES key must be 16 or 32 bytes, not " + encryptionKey.length);
        }
        this.encryptionKey = encryptionKey.clone();
        this.macKey = macKey.clone();
        this.macHash = macHash;
        this.encryptThenMac = encryptThenMac;
        this.random = random;
        this.dummyDigest = (ExtendedDigest) macHash.newDigest();
    }

    @Override
    public TlsRecord protect(ContentType type, byte[] fragment) {
        long seq = sequenceNumber++;
        byte[] iv = new byte[BLOCK];
        random.nextBytes(iv);
        int macLength = macHash.length();
        int payload = fragment.length + (encryptThenMac ? 0 : macLength);
        int padLength = BLOCK - (payload % BLOCK); // 1..16 bytes, each holding padLength-1
        byte[] plain = new byte[payload + padLength];
        System.arraycopy(fragment, 0, plain, 0, fragment.length);
        if (!encryptThenMac) {
            System.arraycopy(mac(seq, type, RECORD_VERSION, fragment.length, fragment, 0, fragment.length), 0, plain, fragment.length, macLength);
        }
        java.util.Arrays.fill(plain, payload, plain.length, (byte) (padLength - 1));
        byte[] ciphertext = cbc(true, iv, plain, 0, plain.length);
        byte[] out = new byte[BLOCK + ciphertext.length + (encryptThenMac ? macLength : 0)];
        System.arraycopy(iv, 0, out, 0, BLOCK);
        System.arraycopy(ciphertext, 0, out, BLOCK, ciphertext.length);
        if (encryptThenMac) {
            byte[] m = mac(seq, type, RECORD_VERSION, BLOCK + ciphertext.length, out, 0, BLOCK + ciphertext.length);
            System.arraycopy(m, 0, out, BLOCK + ciphertext.length, macLength);
        }
        return new TlsRecord(type, RECORD_VERSION, out);
    }

    @Override
    public TlsRecord unprotect(TlsRecord wire) throws TlsAlertException {
        long seq = sequenceNumber++;
        byte[] f = wire.fragment();
        int macLength = macHash.length();
        if (encryptThenMac) {
            int body = f.length - macLength;
            if (body < 2 * BLOCK || (body - BLOCK) % BLOCK != 0) {
                throw badRecordMac(wire, seq);
            }
            byte[] expected = mac(seq, wire.type(), wire.legacyVersion(), body, f, 0, body);
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(macLength, expected, 0, f, body)) {
                throw badRecordMac(wire, seq);
            }
            byte[] plain = cbc(false, java.util.Arrays.copyOf(f, BLOCK), f, BLOCK, body - BLOCK);
            int pad = plain[plain.length - 1] & 0xff;
            if (pad + 1 > plain.length || paddingBad(plain, plain.length, pad) != 0) {
                throw badRecordMac(wire, seq);
            }
            return new TlsRecord(wire.type(), wire.legacyVersion(), java.util.Arrays.copyOf(plain, plain.length - pad - 1));
        }
        if (f.length < BLOCK + Math.max(BLOCK, ((macLength + 1 + BLOCK - 1) / BLOCK) * BLOCK) || (f.length - BLOCK) % BLOCK != 0) {
            throw badRecordMac(wire, seq);
        }
        byte[] plain = cbc(false, java.util.Arrays.copyOf(f, BLOCK), f, BLOCK, f.length - BLOCK);
        int pad = plain[plain.length - 1] & 0xff;
        // Pretend the padding was empty when it cannot fit, so the MAC is computed either way.
        int fits = pad + 1 + macLength <= plain.length ? 0 : 1;
        int usedPad = fits == 0 ? pad : 0;
        int bad = fits | paddingBad(plain, plain.length, usedPad);
        int contentLength = plain.length - usedPad - 1 - macLength;
        byte[] expected = macWithFixedWork(seq, wire.type(), wire.legacyVersion(), plain, contentLength,
                plain.length - 1 - macLength);
        boolean macOk = org.bouncycastle.util.Arrays.constantTimeAreEqual(macLength, expected, 0, plain, contentLength);
        if (bad != 0 | !macOk) {
            throw badRecordMac(wire, seq);
        }
        return new TlsRecord(wire.type(), wire.legacyVersion(), java.util.Arrays.copyOf(plain, contentLength));
    }

    /** Non-zero when any of the last pad+1 bytes differs from pad; looks at every byte regardless. */
    private static int paddingBad(byte[] plain, int end, int pad) {
        int diff = 0;
        int start = end - pad - 1;
        for (int i = Math.max(0, end - 256); i < end; i++) {
            int inPadding = ((i - start) >>> 31) ^ 1; // 1 when i >= start
            diff |= inPadding * ((plain[i] & 0xff) ^ pad);
        }
        return diff;
    }

    private TlsAlertException badRecordMac(TlsRecord wire, long seq) {
        return new TlsAlertException(AlertDescription.BAD_RECORD_MAC,
                wire.type().rfcName() + " record " + seq + " failed its MAC or padding check (RFC 5246 §6.2.3.2)");
    }

    /**
     * The MAC of {@code plain[0..contentLength)}, at the cost of a MAC over {@code maxContentLength}
     * bytes (the content length had the padding been empty). HMAC's inner hash spends one
     * compression call per block of {@code 13 + length} bytes plus its own padding; the calls a
     * shorter content saved are spent on a dummy digest, fed from the same offset inside a block
     * so that it crosses exactly as many block boundaries as the longer input would have.
     */
    private byte[] macWithFixedWork(long seq, ContentType type, int version, byte[] plain, int contentLength,
                                    int maxContentLength) {
        byte[] result = mac(seq, type, version, contentLength, plain, 0, contentLength);
        int blockSize = dummyDigest.getByteLength();
        int lengthField = blockSize == 128 ? 16 : 8; // the bit length MD padding appends (SHA-384: 16 bytes)
        dummyDigest.reset();
        dummyDigest.update(DUMMY_INPUT, 0, (MAC_HEADER_LENGTH + contentLength + lengthField) % blockSize);
        dummyDigest.update(DUMMY_INPUT, 0, maxContentLength - contentLength);
        return result;
    }

    /** HMAC(MAC_write_key, seq_num + type + version + length + data[off..off+len)), RFC 5246 §6.2.3.1. */
    private byte[] mac(long seq, ContentType type, int version, int length, byte[] data, int off, int len) {
        HMac hmac = new HMac(macHash.newDigest());
        hmac.init(new KeyParameter(macKey));
        byte[] header = new byte[MAC_HEADER_LENGTH];
        for (int i = 0; i < 8; i++) {
            header[7 - i] = (byte) (seq >>> (8 * i));
        }
        header[8] = (byte) type.code();
        // The version the record carries, so a record relabelled on the way fails its MAC.
        header[9] = (byte) (version >>> 8);
        header[10] = (byte) version;
        header[11] = (byte) (length >>> 8);
        header[12] = (byte) length;
        hmac.update(header, 0, header.length);
        hmac.update(data, off, len);
        byte[] out = new byte[macHash.length()];
        hmac.doFinal(out, 0);
        return out;
    }

    private byte[] cbc(boolean encrypt, byte[] iv, byte[] data, int off, int len) {
        BufferedBlockCipher cipher = new BufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(encryptionKey), iv));
        byte[] out = new byte[len];
        int n = cipher.processBytes(data, off, len, out, 0);
        if (n != len) {
            throw new IllegalStateException("CBC produced " + n + " of " + len + " bytes");
        }
        return out;
    }

    @Override
    public int maxWireFragment() {
        return Tls12AeadProtection.MAX_CIPHERTEXT;
    }

    @Override
    public boolean active() {
        return true;
    }
}
