package navemu.tls.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.result.TlsMessage;
import navemu.tls.core.testing.RecordingTrace;

/** The record and handshake parsing, fed bytes as they would arrive, split at awkward places. */
class HandshakeObserverTest {

    /** A TLS 1.3 HelloRetryRequest (RFC 8446 §4.1.4) asking for secp256r1, as one handshake record. */
    private static byte[] helloRetryRequestRecord() {
        return serverHelloRecord(HelloFields.HELLO_RETRY_REQUEST_RANDOM, new byte[] {
            0, 43, 0, 2, 3, 4,    // supported_versions: TLS 1.3
            0, 51, 0, 2, 0, 0x17  // key_share: selected_group secp256r1
        });
    }

    /** A ServerHello record (RFC 8446 §4.1.3) with TLS_AES_128_GCM_SHA256 and the given extensions. */
    private static byte[] serverHelloRecord(byte[] random, byte[] extensions) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(3); // legacy_version
        body.writeBytes(random);
        body.write(0); // legacy_session_id_echo: empty
        body.write(0x13);
        body.write(0x01); // TLS_AES_128_GCM_SHA256
        body.write(0); // legacy_compression_method
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
        HandshakeObserver observer = new HandshakeObserver(trace, "the library decrypts them inside its engine");
        byte[] record = helloRetryRequestRecord();
        // Deliver it in three pieces: inside the record header, then inside the message.
        observer.inbound(record, 0, 3);
        observer.inbound(record, 3, 20);
        observer.inbound(record, 23, record.length - 23);

        assertEquals(List.of(new TlsMessage(TlsMessage.SERVER_TO_CLIENT, "HelloRetryRequest", record.length - 5)),
                observer.messages());
        assertEquals("secp256r1", trace.fieldsByMessage.get("S>C HelloRetryRequest").get("key_share"));
        assertEquals("TLS_AES_128_GCM_SHA256", trace.fieldsByMessage.get("S>C HelloRetryRequest").get("cipher_suite"));
        assertEquals(null, observer.group(), "the group is settled by the ServerHello that follows, not the HRR");
    }

    @Test
    void aFatalAlertIsNamed() {
        RecordingTrace trace = new RecordingTrace();
        HandshakeObserver observer = new HandshakeObserver(trace, "the library decrypts them inside its engine");
        observer.inbound(new byte[] {21, 3, 3, 0, 2, 2, 40}, 0, 7);
        assertEquals("fatal", trace.fieldsByMessage.get("S>C Alert").get("level"));
        assertEquals("handshake_failure", trace.fieldsByMessage.get("S>C Alert").get("description"));
    }

    /** The server's second flight after a HelloRetryRequest: ServerHello with x25519 (and maybe a PSK). */
    private static byte[] tls13ServerHelloRecord(boolean acceptsPsk) {
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        extensions.writeBytes(new byte[] {0, 43, 0, 2, 3, 4}); // supported_versions: TLS 1.3
        extensions.writeBytes(new byte[] {0, 51, 0, 36, 0, 0x1d, 0, 32}); // key_share: x25519, 32 bytes
        extensions.writeBytes(new byte[32]);
        if (acceptsPsk) {
            extensions.writeBytes(new byte[] {0, 41, 0, 2, 0, 0}); // pre_shared_key: selected_identity 0
        }
        return serverHelloRecord(new byte[32], extensions.toByteArray());
    }

    @Test
    void theCompatibilityChangeCipherSpecAfterAHelloRetryRequestDoesNotHideTheServerHello() {
        RecordingTrace trace = new RecordingTrace();
        HandshakeObserver observer = new HandshakeObserver(trace, "the library decrypts them inside its engine");
        observer.inbound(helloRetryRequestRecord(), 0, helloRetryRequestRecord().length);
        // RFC 8446 §D.4: the middlebox-compatibility ChangeCipherSpec may follow the HelloRetryRequest.
        observer.inbound(new byte[] {20, 3, 3, 0, 1, 1}, 0, 6);
        byte[] serverHello = tls13ServerHelloRecord(false);
        observer.inbound(serverHello, 0, serverHello.length);

        assertEquals(List.of("HelloRetryRequest", "ChangeCipherSpec", "ServerHello"), trace.received);
        assertEquals("TLSv1.3", observer.version());
        assertEquals("x25519", observer.group());
        assertFalse(observer.serverAcceptedPsk());
    }

    @Test
    void aServerHelloWithPreSharedKeyIsAResumption() {
        RecordingTrace trace = new RecordingTrace();
        HandshakeObserver observer = new HandshakeObserver(trace, "the library decrypts them inside its engine");
        byte[] serverHello = tls13ServerHelloRecord(true);
        observer.inbound(serverHello, 0, serverHello.length);
        assertTrue(observer.serverAcceptedPsk(), trace.fieldsByMessage.toString());
    }

    @Test
    void theEncryptedPartIsSaidToBeDecryptedByTheNamedLibrary() {
        RecordingTrace trace = new RecordingTrace();
        HandshakeObserver observer = new HandshakeObserver(trace, "Somelib decrypts them inside its engine");
        byte[] serverHello = tls13ServerHelloRecord(false);
        observer.inbound(serverHello, 0, serverHello.length);
        observer.inbound(new byte[] {23, 3, 3, 0, 3, 1, 2, 3}, 0, 8);
        observer.reportEncrypted();
        assertTrue(trace.infos.stream().anyMatch(line -> line.contains("3 bytes in 1 record(s)")
                && line.endsWith("Somelib decrypts them inside its engine and does not show them")), trace.infos.toString());
    }
}
