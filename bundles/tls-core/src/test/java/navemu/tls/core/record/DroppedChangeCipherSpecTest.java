package navemu.tls.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The server's TLS 1.3 compatibility change_cipher_spec is dropped by the record layer, but it
 * crossed the wire: whoever narrates the handshake is told of each one, so the trace and the
 * ladder show it (RFC 8446 §D.4).
 */
class DroppedChangeCipherSpecTest {

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

    @Test
    void eachDroppedChangeCipherSpecIsReportedAndTheNextRecordStillComes() throws Exception {
        RecordLayer layer = reading(plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                plain(ContentType.HANDSHAKE, new byte[] {20, 0, 0, 0}));
        AtomicInteger dropped = new AtomicInteger();
        layer.dropChangeCipherSpec(true);
        layer.onDroppedChangeCipherSpec(dropped::incrementAndGet);
        assertEquals(ContentType.HANDSHAKE, layer.read().type());
        assertEquals(1, dropped.get());
    }

    @Test
    void aChangeCipherSpecHandedUpIsNotReportedAsDropped() throws Exception {
        RecordLayer layer = reading(plain(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}));
        AtomicInteger dropped = new AtomicInteger();
        layer.onDroppedChangeCipherSpec(dropped::incrementAndGet);
        assertEquals(ContentType.CHANGE_CIPHER_SPEC, layer.read().type());
        assertEquals(0, dropped.get());
    }
}
