package navemu.tls.browser.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.browser.BrowserTlsClient;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * Which browser error a server's handshake_failure alert is depends on when it comes, as in
 * Chromium: as the answer to the ClientHello it is ERR_SSL_VERSION_OR_CIPHER_MISMATCH (BoringSSL
 * adds SSL_R_HANDSHAKE_FAILURE_ON_CLIENT_HELLO only while it waits for the first ServerHello, and
 * net/ssl/openssl_ssl_util.cc maps only that case so); anywhere later, after a HelloRetryRequest
 * for instance, it is ERR_SSL_PROTOCOL_ERROR.
 */
@Timeout(60)
class HandshakeFailureAlertTest {
    private static final byte[] HANDSHAKE_FAILURE = {2, 40};

    @Test
    void handshakeFailureAnsweringTheClientHelloIsAVersionOrCipherMismatch() throws Exception {
        HandshakeFailedException e = failAgainst(false);
        assertEquals("handshake_failure", e.partial().alertReceived());
        assertEquals(NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH, e.error(), e.getMessage());
    }

    @Test
    void handshakeFailureAfterAHelloRetryRequestIsAProtocolError() throws Exception {
        HandshakeFailedException e = failAgainst(true);
        assertEquals("handshake_failure", e.partial().alertReceived());
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error(), e.getMessage());
    }

    /** A loopback server that reads our ClientHello and answers handshake_failure, right away or after a HelloRetryRequest for P-256. */
    private static HandshakeFailedException failAgainst(boolean retryFirst) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] hello = readRecord(in).fragment();
                    ByteArrayOutputStream answer = new ByteArrayOutputStream();
                    if (retryFirst) {
                        ClientHello ch = ClientHello.decode(Arrays.copyOfRange(hello, 4, hello.length));
                        ServerHello retry = new ServerHello(0x0303, ServerHello.HELLO_RETRY_REQUEST_RANDOM, ch.legacySessionId(),
                                0x1301, 0, List.of(Extensions.selectedVersion(0x0304), Extensions.keyShareHelloRetryRequest(0x0017)));
                        answer.writeBytes(new TlsRecord(ContentType.HANDSHAKE, 0x0303, retry.toMessage().encode()).encode());
                        s.getOutputStream().write(answer.toByteArray());
                        s.getOutputStream().flush();
                        answer.reset();
                        // The second ClientHello (a dummy change_cipher_spec may come first).
                        while (readRecord(in).type() != ContentType.HANDSHAKE.code()) {
                            // skip it
                        }
                    }
                    answer.writeBytes(new TlsRecord(ContentType.ALERT, 0x0303, HANDSHAKE_FAILURE).encode());
                    s.getOutputStream().write(answer.toByteArray());
                    s.getOutputStream().flush();
                    in.readNBytes(1); // until the client closes
                } catch (Exception ignored) {
                    // what the client makes of it is the test
                }
            }, "handshake-failure-server");
            server.setDaemon(true);
            server.start();
            int port = listener.getLocalPort();
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient().handshake(
                    new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(10)), SocketConnection.connect(port),
                    new TlsContext((r, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(), Instant.now(), null),
                    new RecordingTrace()));
            server.join(10_000);
            return e;
        }
    }

    private record Record(int type, byte[] fragment) {
    }

    private static Record readRecord(DataInputStream in) throws IOException {
        byte[] header = in.readNBytes(5);
        if (header.length < 5) {
            throw new IOException("closed");
        }
        return new Record(header[0] & 0xff, in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff)));
    }
}
