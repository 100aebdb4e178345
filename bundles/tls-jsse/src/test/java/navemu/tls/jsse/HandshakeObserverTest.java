package navemu.tls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.result.TlsMessage;

/** The record and handshake parsing, fed bytes as they would arrive, split at awkward places. */
class HandshakeObserverTest {

    /** A TLS 1.3 HelloRetryRequest (RFC 8446 §4.1.4) asking for secp256r1, as one handshake record. */
    private static byte[] helloRetryRequestRecord() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(3); // legacy_version
        body.writeBytes(HelloFields.HELLO_RETRY_REQUEST_RANDOM);
        body.write(0); // legacy_session_id_echo: empty
        body.write(0x13);
        body.write(0x01); // TLS_AES_128_GCM_SHA256
        body.write(0); // legacy_compression_method
        byte[] extensions = {
            0, 43, 0, 2, 3, 4,    // supported_versions: TLS 1.3
            0, 51, 0, 2, 0, 0x17  // key_share: selected_group secp256r1
        };
        body.write(0);
        body.write(extensions.length);
        body.writeBytes(extensions);
        byte[] message = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 3, 0, (byte) (message.length + 4)});
        record.writeBytes(new byte[] {2, 0, 0, (byte) message.length});
        record.writeBytes(message);
        return record.toByteArray();
    }

    @Test
    void aServerHelloWithTheSpecialRandomIsReportedAsHelloRetryRequest() {
        RecordingTrace trace = new RecordingTrace();
        HandshakeObserver observer = new HandshakeObserver(trace);
        byte[] record = helloRetryRequestRecord();
        // Deliver it in three pieces: inside the record header, then inside the message.
        observer.inbound(record, 0, 3);
        observer.inbound(record, 3, 20);
        observer.inbound(record, 23, record.length - 23);

        assertEquals(List.of(new TlsMessage(TlsMessage.SERVER_TO_CLIENT, "HelloRetryRequest", record.length - 5)),
                observer.messages());
        assertEquals("secp256r1", trace.received.get("HelloRetryRequest").get("key_share"));
        assertEquals("TLS_AES_128_GCM_SHA256", trace.received.get("HelloRetryRequest").get("cipher_suite"));
        assertEquals(null, observer.group(), "the group is settled by the ServerHello that follows, not the HRR");
    }

    @Test
    void aFatalAlertIsNamed() {
        RecordingTrace trace = new RecordingTrace();
        HandshakeObserver observer = new HandshakeObserver(trace);
        observer.inbound(new byte[] {21, 3, 3, 0, 2, 2, 40}, 0, 7);
        assertEquals("fatal", trace.received.get("Alert").get("level"));
        assertEquals("handshake_failure", trace.received.get("Alert").get("description"));
    }
}
