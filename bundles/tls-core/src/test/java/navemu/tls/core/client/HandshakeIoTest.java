package navemu.tls.core.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.AeadAlgorithm;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.RecordLayer;
import navemu.tls.core.record.RecordProtection;
import navemu.tls.core.record.Tls13RecordProtection;
import navemu.tls.core.record.TlsRecord;
import navemu.tls.core.record.TrafficKeys;

/**
 * {@link HandshakeIo} owns the record-boundary rule of key changes (RFC 8446 §5.1): a caller
 * changes keys through it and cannot forget the check, and TLS 1.2's ChangeCipherSpec installs the
 * server's keys in the same operation that reads it.
 */
class HandshakeIoTest {
    /** Fresh each time: a protection counts its records' sequence numbers. */
    private static Tls13RecordProtection keys() {
        return new Tls13RecordProtection(AeadAlgorithm.AES_128_GCM, new TrafficKeys(new byte[16], new byte[12]));
    }

    private static HandshakeIo reading(byte[]... records) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (byte[] r : records) {
            in.writeBytes(r);
        }
        RecordLayer layer = new RecordLayer(new ByteArrayInputStream(in.toByteArray()), new ByteArrayOutputStream());
        return new HandshakeIo(layer, new MessageLog(null, null));
    }

    private static byte[] plain(ContentType type, byte[] fragment) {
        return new TlsRecord(type, 0x0303, fragment).encode();
    }

    /** A ServerHello (type 2, 4-byte body) followed in the same record by {@code trailing} bytes. */
    private static byte[] serverHelloAnd(byte... trailing) {
        byte[] record = new byte[8 + trailing.length];
        record[0] = 2;
        record[3] = 4;
        System.arraycopy(trailing, 0, record, 8, trailing.length);
        return plain(ContentType.HANDSHAKE, record);
    }

    @Test
    void readKeysDoNotChangeWhileAMessageSpansTheRecordBoundary() throws Exception {
        HandshakeIo io = reading(serverHelloAnd((byte) 8, (byte) 0)); // the start of an EncryptedExtensions
        assertEquals(HandshakeType.SERVER_HELLO.code(), io.expect(HandshakeType.SERVER_HELLO).typeCode());
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> io.changeReadKeys(keys(), "ServerHello"));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
        assertTrue(e.getMessage().contains("handshake data follows ServerHello"), e.getMessage());
    }

    @Test
    void readKeysChangeAtARecordBoundary() throws Exception {
        HandshakeIo io = reading(serverHelloAnd());
        io.expect(HandshakeType.SERVER_HELLO);
        io.changeReadKeys(keys(), "ServerHello"); // nothing buffered: allowed
    }

    @Test
    void theServersChangeCipherSpecInstallsItsKeysForTheNextRecord() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer server = new RecordLayer(new ByteArrayInputStream(new byte[0]), wire);
        server.setWriteProtection(keys());
        server.write(ContentType.HANDSHAKE, new byte[] {20, 0, 0, 1, 42});
        server.flush();
        HandshakeIo io = reading(plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}), wire.toByteArray());
        io.expectChangeCipherSpec(keys());
        assertArrayEquals(new byte[] {42}, io.expect(HandshakeType.FINISHED).body());
    }

    @Test
    void handshakeDataBeforeTheChangeCipherSpecIsUnexpected() throws Exception {
        HandshakeIo io = reading(serverHelloAnd((byte) 14, (byte) 0, (byte) 0, (byte) 0),
                plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}));
        io.expect(HandshakeType.SERVER_HELLO);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> io.expectChangeCipherSpec(RecordProtection.NONE));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.alert());
    }
}
