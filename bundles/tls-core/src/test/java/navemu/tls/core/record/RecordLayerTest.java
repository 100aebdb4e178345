package navemu.tls.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.AeadAlgorithm;

/** The record layer's rules (RFC 8446 §5), one per test. */
class RecordLayerTest {
    private static final TrafficKeys KEYS = new TrafficKeys(new byte[16], new byte[12]);

    private static RecordLayer reading(byte[]... records) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (byte[] r : records) {
            in.writeBytes(r);
        }
        return new RecordLayer(new ByteArrayInputStream(in.toByteArray()), new ByteArrayOutputStream());
    }

    private static byte[] plain(ContentType type, byte[] fragment) {
        return new TlsRecord(type, 0x0303, fragment).encode();
    }

    private static AlertDescription alertOf(RecordLayer layer) {
        return assertThrows(TlsAlertException.class, layer::read).alert();
    }

    @Test
    void aMiddleboxChangeCipherSpecIsDroppedWhileAllowed() throws Exception {
        RecordLayer layer = reading(plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}), plain(ContentType.HANDSHAKE, new byte[] {20, 0, 0, 0}));
        layer.dropChangeCipherSpec(true);
        assertEquals(ContentType.HANDSHAKE, layer.read().type());
    }

    @Test
    void aChangeCipherSpecOtherThanOneByteOneIsUnexpected() {
        RecordLayer layer = reading(plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {2}));
        layer.dropChangeCipherSpec(true);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer));
    }

    @Test
    void aPlaintextRecordOverTwoToTheFourteenIsARecordOverflow() {
        assertEquals(AlertDescription.RECORD_OVERFLOW, alertOf(reading(plain(ContentType.HANDSHAKE, new byte[(1 << 14) + 1]))));
    }

    @Test
    void aRecordOfExactlyTwoToTheFourteenIsFine() throws Exception {
        assertEquals(1 << 14, reading(plain(ContentType.HANDSHAKE, new byte[1 << 14])).read().fragment().length);
    }

    @Test
    void anUnknownContentTypeIsUnexpected() {
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(reading(new byte[] {99, 3, 3, 0, 1, 0})));
    }

    @Test
    void aZeroLengthHandshakeRecordIsUnexpected() {
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(reading(plain(ContentType.HANDSHAKE, new byte[0]))));
    }

    @Test
    void aRecordCutShortIsADecodeErrorAndACleanCloseIsPeerClosed() {
        byte[] whole = plain(ContentType.HANDSHAKE, new byte[10]);
        assertEquals(AlertDescription.DECODE_ERROR, alertOf(reading(java.util.Arrays.copyOf(whole, 8))));
        assertEquals(AlertDescription.DECODE_ERROR, alertOf(reading(java.util.Arrays.copyOf(whole, 3))));
        assertThrows(PeerClosedException.class, () -> reading().read());
    }

    @Test
    void protectedRecordsRoundTripWithPaddingStrippedAndTypeRestored() throws Exception {
        Tls13RecordProtection writer = new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS, 100);
        byte[] wire1 = writer.protect(ContentType.HANDSHAKE, new byte[] {1, 2, 3}).encode();
        byte[] wire2 = writer.protect(ContentType.APPLICATION_DATA, new byte[] {4}).encode();
        assertEquals(5 + 3 + 1 + 100 + 16, wire1.length, "padding hides the length (RFC 8446 §5.4)");
        assertEquals(23, wire1[0], "outer type is always application_data (RFC 8446 §5.2)");
        RecordLayer layer = reading(wire1, wire2);
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        TlsRecord first = layer.read();
        assertEquals(ContentType.HANDSHAKE, first.type());
        assertArrayEquals(new byte[] {1, 2, 3}, first.fragment());
        assertEquals(ContentType.APPLICATION_DATA, layer.read().type());
    }

    @Test
    void recordsOutOfSequenceFailAuthentication() {
        Tls13RecordProtection writer = new Tls13RecordProtection(AeadAlgorithm.CHACHA20_POLY1305, new TrafficKeys(new byte[32], new byte[12]));
        writer.protect(ContentType.HANDSHAKE, new byte[] {1}); // sequence 0, never delivered
        byte[] second = writer.protect(ContentType.HANDSHAKE, new byte[] {2}).encode();
        RecordLayer layer = reading(second);
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.CHACHA20_POLY1305, new TrafficKeys(new byte[32], new byte[12])));
        assertEquals(AlertDescription.BAD_RECORD_MAC, alertOf(layer), "the nonce carries the sequence number (RFC 8446 §5.3)");
    }

    @Test
    void anInnerPlaintextOfOnlyZerosIsUnexpected() throws Exception {
        // Seal an all-zero TLSInnerPlaintext by hand: no content type byte at all.
        byte[] aad = {23, 3, 3, 0, 4 + 16};
        byte[] sealed = AeadAlgorithm.AES_128_GCM.seal(KEYS.key(), KEYS.iv(), aad, new byte[4]);
        RecordLayer layer = reading(plain(ContentType.APPLICATION_DATA, sealed));
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer));
    }

    @Test
    void anUnprotectedHandshakeRecordAfterKeysIsUnexpected() {
        RecordLayer layer = reading(plain(ContentType.HANDSHAKE, new byte[] {20, 0, 0, 0}));
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer));
    }

    /** A stand-in for a TLS 1.2 protection: keeps the type on the wire, adds one byte, allows 2^14+2048. */
    private static final class Tls12Shaped implements RecordProtection {
        @Override
        public TlsRecord protect(ContentType type, byte[] fragment) {
            byte[] out = java.util.Arrays.copyOf(fragment, fragment.length + 1);
            out[fragment.length] = 0x5a;
            return new TlsRecord(type, 0x0303, out);
        }

        @Override
        public TlsRecord unprotect(TlsRecord wire) throws TlsAlertException {
            byte[] f = wire.fragment();
            if (f[f.length - 1] != 0x5a) {
                throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC, "bad mark");
            }
            return new TlsRecord(wire.type(), wire.legacyVersion(), java.util.Arrays.copyOf(f, f.length - 1));
        }

        @Override
        public int maxWireFragment() {
            return (1 << 14) + 2048;
        }

        @Override
        public boolean active() {
            return true;
        }
    }

    @Test
    void aTls12StyleProtectionKeepsTheRealTypeOnTheWire() throws Exception {
        Tls12Shaped p = new Tls12Shaped();
        RecordLayer layer = reading(p.protect(ContentType.HANDSHAKE, new byte[] {20, 0, 0, 0}).encode(),
                plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                p.protect(ContentType.ALERT, new byte[] {1, 0}).encode(),
                p.protect(ContentType.APPLICATION_DATA, new byte[(1 << 14) + 1]).encode());
        layer.setReadProtection(p);
        TlsRecord finished = layer.read();
        assertEquals(ContentType.HANDSHAKE, finished.type());
        assertArrayEquals(new byte[] {20, 0, 0, 0}, finished.fragment());
        assertEquals(ContentType.CHANGE_CIPHER_SPEC, layer.read().type(), "TLS 1.2 handles its own change_cipher_spec");
        assertEquals(ContentType.ALERT, layer.read().type());
        assertEquals(AlertDescription.RECORD_OVERFLOW, alertOf(layer), "the protection's limit, then 2^14 after unprotecting");
    }

    @Test
    void outgoingDataIsSplitIntoRecordsOfAtMostTwoToTheFourteen() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(new ByteArrayInputStream(new byte[0]), wire);
        writer.write(ContentType.APPLICATION_DATA, new byte[(1 << 14) * 2 + 5]);
        RecordLayer reader = reading(wire.toByteArray());
        assertEquals(1 << 14, reader.read().fragment().length);
        assertEquals(1 << 14, reader.read().fragment().length);
        assertEquals(5, reader.read().fragment().length);
    }

    // ---- once TLS 1.3 keys are in, nothing unprotected (RFC 8446 §5) ---------------------------

    @Test
    void aPlaintextAlertRightAfterTls13KeysIsUnexpected() {
        RecordLayer layer = reading(plain(ContentType.ALERT, new byte[] {1, 0}));
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer), "a plaintext close_notify is anyone's");
    }

    @Test
    void aPlaintextCloseNotifyAfterAKeyChangeIsStillUnexpected() throws Exception {
        Tls13RecordProtection writer = new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS);
        RecordLayer layer = reading(writer.protect(ContentType.APPLICATION_DATA, new byte[] {1}).encode(),
                plain(ContentType.ALERT, new byte[] {1, 0}));
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        assertEquals(ContentType.APPLICATION_DATA, layer.read().type());
        // New keys (a KeyUpdate, or the application keys after the handshake) change nothing.
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, new TrafficKeys(new byte[16], new byte[12])));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer));
    }

    @Test
    void theCompatibilityChangeCipherSpecIsStillDroppedAfterKeys() throws Exception {
        Tls13RecordProtection writer = new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS);
        RecordLayer layer = reading(plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                writer.protect(ContentType.HANDSHAKE, new byte[] {8, 0, 0, 0}).encode());
        layer.dropChangeCipherSpec(true);
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        assertEquals(ContentType.HANDSHAKE, layer.read().type());
    }

    // ---- empty records (RFC 8446 §5.1) ---------------------------------------------------------

    @Test
    void anEmptyProtectedHandshakeRecordIsUnexpected() {
        Tls13RecordProtection writer = new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS, 20);
        RecordLayer layer = reading(writer.protect(ContentType.HANDSHAKE, new byte[0]).encode());
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer), "even padded, a handshake fragment is never empty");
    }

    @Test
    void anEmptyTls12ProtectedHandshakeRecordIsUnexpected() {
        Tls12Shaped p = new Tls12Shaped();
        RecordLayer layer = reading(p.protect(ContentType.HANDSHAKE, new byte[0]).encode());
        layer.setReadProtection(p);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer));
    }

    @Test
    void emptyApplicationDataIsFineButNotForever() throws Exception {
        Tls13RecordProtection writer = new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS);
        byte[][] records = new byte[RecordLayer.MAX_EMPTY_RECORDS_IN_A_ROW + 1][];
        for (int i = 0; i < records.length; i++) {
            records[i] = writer.protect(ContentType.APPLICATION_DATA, new byte[0]).encode();
        }
        RecordLayer layer = reading(records);
        layer.setReadProtection(new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, KEYS));
        for (int i = 0; i < RecordLayer.MAX_EMPTY_RECORDS_IN_A_ROW; i++) {
            assertEquals(0, layer.read().fragment().length);
        }
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(layer), "BoringSSL's kMaxEmptyRecords");
    }
}
