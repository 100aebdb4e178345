package navemu.tls.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.HashAlgorithm;

/** CBC records (RFC 5246 §6.2.3.2, RFC 7366): round trips, and every tampering is the same bad_record_mac. */
class Tls12CbcProtectionTest {
    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[16];
    private final byte[] macKey = new byte[32];

    private Tls12CbcProtection protection(boolean etm) {
        return new Tls12CbcProtection(key, macKey, HashAlgorithm.SHA256, etm, random);
    }

    @ParameterizedTest(name = "encrypt_then_mac={0}")
    @ValueSource(booleans = {false, true})
    void everyLengthRoundTrips(boolean etm) throws Exception {
        Tls12CbcProtection w = protection(etm);
        Tls12CbcProtection r = protection(etm);
        for (int n = 0; n < 70; n++) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            TlsRecord wire = w.protect(ContentType.APPLICATION_DATA, data);
            assertEquals(0, (wire.fragment().length - (etm ? 32 : 0)) % 16, "IV and ciphertext are whole blocks");
            assertArrayEquals(data, r.unprotect(wire).fragment(), "length " + n);
        }
    }

    @ParameterizedTest(name = "encrypt_then_mac={0}")
    @ValueSource(booleans = {false, true})
    void anyFlippedBitIsBadRecordMac(boolean etm) {
        TlsRecord wire = protection(etm).protect(ContentType.HANDSHAKE, new byte[40]);
        for (int i = 0; i < wire.fragment().length; i += 7) {
            byte[] f = wire.fragment().clone();
            f[i] ^= 0x01;
            TlsAlertException e = assertThrows(TlsAlertException.class,
                    () -> protection(etm).unprotect(new TlsRecord(ContentType.HANDSHAKE, 0x0303, f)));
            assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
        }
    }

    @Test
    void aRecordTooShortForIvAndMacIsBadRecordMacToo() {
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> protection(false).unprotect(new TlsRecord(ContentType.APPLICATION_DATA, 0x0303, new byte[32])));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
    }

    @Test
    void theTypeIsAuthenticated() {
        TlsRecord wire = protection(false).protect(ContentType.HANDSHAKE, new byte[10]);
        assertThrows(TlsAlertException.class,
                () -> protection(false).unprotect(new TlsRecord(ContentType.APPLICATION_DATA, 0x0303, wire.fragment())));
    }

    /** The MAC covers the version the record carries (RFC 5246 §6.2.3.1): relabelled on the way, it fails. */
    @ParameterizedTest(name = "encrypt_then_mac={0}")
    @ValueSource(booleans = {false, true})
    void theVersionIsAuthenticated(boolean etm) {
        TlsRecord wire = protection(etm).protect(ContentType.APPLICATION_DATA, new byte[10]);
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> protection(etm).unprotect(new TlsRecord(ContentType.APPLICATION_DATA, 0x0301, wire.fragment())));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
    }

    /** Whatever the padding length, the same record decodes; the timing side is CbcPaddingTimingBenchmark's. */
    @Test
    void everyPaddingLengthUpTo255Decodes() throws Exception {
        for (int pad = 0; pad < 256; pad += 17) {
            byte[] content = new byte[512 - 32 - 1 - pad]; // SHA-256 MAC: whole blocks for any padding
            random.nextBytes(content);
            TlsRecord wire = CbcRecords.macThenEncrypt(key, macKey, HashAlgorithm.SHA256, 0, ContentType.APPLICATION_DATA, content, pad);
            assertArrayEquals(content, protection(false).unprotect(wire).fragment(), "padding " + pad);
        }
    }

    // ---- HMAC-SHA1 (Chrome's *_CBC_SHA suites): a 20-byte MAC that does not fill a block ------

    private final byte[] key256 = new byte[32];
    private final byte[] sha1MacKey = new byte[20];

    private Tls12CbcProtection sha1() {
        return new Tls12CbcProtection(key256, sha1MacKey, HashAlgorithm.SHA1, false, random);
    }

    @Test
    void hmacSha1WithAes256RoundTripsAtEveryLength() throws Exception {
        Tls12CbcProtection w = sha1();
        Tls12CbcProtection r = sha1();
        for (int n = 0; n < 70; n++) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            TlsRecord wire = w.protect(ContentType.APPLICATION_DATA, data);
            assertEquals(0, wire.fragment().length % 16);
            assertEquals(16 + ((n + 20) / 16 + 1) * 16, wire.fragment().length, "IV, then content, MAC and 1-16 padding bytes");
            assertArrayEquals(data, r.unprotect(wire).fragment(), "length " + n);
        }
    }

    /** A record made with the right keys and a valid MAC, as a server would send it, decodes (padding 11). */
    @Test
    void aServersSha1RecordDecodes() throws Exception {
        byte[] content = new byte[16];
        random.nextBytes(content);
        TlsRecord wire = CbcRecords.macThenEncrypt(key256, sha1MacKey, HashAlgorithm.SHA1, 0, ContentType.HANDSHAKE, content, 11);
        assertArrayEquals(content, sha1().unprotect(wire).fragment());
    }

    /** The padding length byte says 255 in a 48-byte record: longer than the record, the same bad_record_mac. */
    @Test
    void paddingLongerThanTheRecordIsBadRecordMac() {
        byte[] plain = new byte[48];
        java.util.Arrays.fill(plain, 36, 48, (byte) 0xff);
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> sha1().unprotect(new TlsRecord(ContentType.HANDSHAKE, 0x0303, CbcRecords.encrypt(key256, plain))));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
    }

    /** One block after the IV cannot hold a 20-byte MAC and the padding length: bad_record_mac, not an exception. */
    @Test
    void aRecordShorterThanTheSha1MacIsBadRecordMac() {
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> sha1().unprotect(new TlsRecord(ContentType.HANDSHAKE, 0x0303, CbcRecords.encrypt(key256, new byte[16]))));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
    }

    /** The padding-length byte is right but an earlier padding byte is not. */
    @Test
    void aWrongPaddingByteIsBadRecordMac() throws Exception {
        byte[] content = new byte[16];
        TlsRecord good = CbcRecords.macThenEncrypt(key256, sha1MacKey, HashAlgorithm.SHA1, 0, ContentType.HANDSHAKE, content, 11);
        byte[] f = good.fragment().clone();
        f[16 + 16 + 12] ^= 0x01; // flips plaintext byte 44 (padding) in the last block, and garbles the block before (MAC)
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> sha1().unprotect(new TlsRecord(ContentType.HANDSHAKE, 0x0303, f)));
        assertEquals(AlertDescription.BAD_RECORD_MAC, e.alert());
    }
}
