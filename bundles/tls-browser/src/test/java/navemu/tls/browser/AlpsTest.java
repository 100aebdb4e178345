package navemu.tls.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * ALPS (draft-vvv-tls-alps, codepoint 17613) negotiated by a scripted TLS 1.3 server built on
 * tls-core's pieces: the server answers application_settings in its EncryptedExtensions, and the
 * browser client, as Chrome, sends its own EncryptedExtensions (type 8) with its settings for h2
 * — empty, as Chromium's — under the client handshake key, after the server's Finished and before
 * its own; the server's check of our Finished proves the message is in the transcript. An ALPS
 * answer that does not go with the ALPN selection is illegal_parameter, read by the server.
 */
@Timeout(60)
class AlpsTest {
    private static final List<NamedGroup> GROUPS = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
    /** An HTTP/2 SETTINGS frame (RFC 9113 §6.5, HEADER_TABLE_SIZE 4096), the kind of settings a server sends in ALPS. */
    private static final byte[] SERVER_SETTINGS = HexFormat.of().parseHex("000006040000000000000100001000");

    private static SecureChannel connect(int port, List<String> alpn, RecordingTrace trace) throws Exception {
        return new BrowserTlsClient().handshake(new TlsRequest(TestPki.HOST, port, alpn, null, Duration.ofSeconds(10)),
                SocketConnection.connect(port), new TlsContext((r, t) -> new CertVerdict(true, null, null, null),
                        MapSessionStore.off(), Instant.now(), null), trace);
    }

    private static String exchange(SecureChannel channel) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        return new String(channel.input().readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void theClientAnswersAServersAlpsWithItsOwnEncryptedExtensions() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (HybridTls13Server server = new HybridTls13Server(GROUPS, null, false)) {
            server.alpnAnswer = "h2";
            server.alpsAnswer = SERVER_SETTINGS;
            try (SecureChannel channel = connect(server.port(), List.of("h2", "http/1.1"), trace)) {
                assertEquals("h2", channel.info().alpn());
                assertTrue(exchange(channel).endsWith("ok"), "application data flows after the handshake");
            }
            assertEquals("served", server.outcome()); // our Finished covered our EncryptedExtensions
            Extension ours = server.clientEncryptedExtensions.extension(ExtensionType.APPLICATION_SETTINGS);
            assertEquals(1, server.clientEncryptedExtensions.extensions().size());
            assertEquals(0, ours.data().length, "Chrome's settings for h2 are empty");
            assertTrue(trace.sent.contains("EncryptedExtensions"), trace.sent.toString());
            assertTrue(trace.infos.stream().anyMatch(i -> i.startsWith("ALPS: the server sent its application settings for h2 (15 bytes")),
                    trace.infos.toString());
            // Ours goes between the server's Finished and our Finished.
            int at = trace.sent.indexOf("EncryptedExtensions");
            assertEquals("Finished", trace.sent.get(at + 1), trace.sent.toString());
        }
    }

    @Test
    void withoutAlpsFromTheServerNoClientEncryptedExtensionsIsSent() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (HybridTls13Server server = new HybridTls13Server(GROUPS, null, false)) {
            server.alpnAnswer = "h2";
            try (SecureChannel channel = connect(server.port(), List.of("h2", "http/1.1"), trace)) {
                assertTrue(exchange(channel).endsWith("ok"));
            }
            assertEquals("served", server.outcome());
            assertNull(server.clientEncryptedExtensions);
            assertTrue(!trace.sent.contains("EncryptedExtensions"), trace.sent.toString());
        }
    }

    /** ALPS settings belong to the protocol ALPN selected; for http/1.1 we offered none. */
    @Test
    void alpsForAProtocolAlpnDidNotSelectIsIllegalParameter() throws Exception {
        assertRefused("http/1.1", List.of("h2", "http/1.1"), "illegal_parameter", "http/1.1, a protocol we offered no settings for");
    }

    @Test
    void alpsWithoutAnAlpnSelectionIsIllegalParameter() throws Exception {
        assertRefused(null, List.of("h2", "http/1.1"), "illegal_parameter", "without selecting an ALPN protocol");
    }

    /** Offered http/1.1 only, we sent no application_settings: answering one is an extension we did not offer. */
    @Test
    void alpsWeDidNotOfferIsUnsupportedExtension() throws Exception {
        assertRefused("http/1.1", List.of("http/1.1"), "unsupported_extension", "application_settings, which we did not offer");
    }

    /** Chrome 143 offers ALPS under 17613 only; an answer under the old codepoint 17513 answers nothing we offered. */
    @Test
    void alpsUnderTheOldCodepointIsUnsupportedExtension() throws Exception {
        assertRefused("h2", List.of("h2", "http/1.1"), 17513, "unsupported_extension", "extension 17513, which we did not offer");
    }

    private static void assertRefused(String alpnAnswer, List<String> offered, String alert, String why) throws Exception {
        assertRefused(alpnAnswer, offered, ExtensionType.APPLICATION_SETTINGS, alert, why);
    }

    private static void assertRefused(String alpnAnswer, List<String> offered, int alpsCodepoint, String alert, String why)
            throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (HybridTls13Server server = new HybridTls13Server(GROUPS, null, false)) {
            server.alpsCodepoint = alpsCodepoint;
            server.alpnAnswer = alpnAnswer;
            server.alpsAnswer = SERVER_SETTINGS;
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> connect(server.port(), offered, trace));
            assertTrue(e.getMessage().contains(why) && e.getMessage().contains(alert), e.getMessage());
            assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error());
            assertEquals(alert, trace.fieldsByMessage.get("C>S Alert").get("description"));
            assertTrue(server.outcome().contains("the client sent the alert " + alert), server.outcome());
        }
    }
}
