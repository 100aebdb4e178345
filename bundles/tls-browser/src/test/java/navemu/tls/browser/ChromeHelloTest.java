package navemu.tls.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.cert.CertVerdict;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.fingerprint.Ja4;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.GreaseValues;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * The browser client's ClientHello as Chrome 143 shapes it (X25519MLKEM768 first, GREASE, the
 * permuted extension order, compress_certificate) against a loopback TLS 1.3 server that speaks
 * the hybrid group from the server's side, end to end: handshake, one HTTP exchange.
 */
@Timeout(60)
class ChromeHelloTest {
    private static final List<NamedGroup> HYBRID_FIRST = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);

    private static SecureChannel connect(int port, List<String> alpn, RecordingTrace trace) throws Exception {
        return new BrowserTlsClient().handshake(new TlsRequest(TestPki.HOST, port, alpn, null, Duration.ofSeconds(10)),
                SocketConnection.connect(port), new TlsContext((r, t) -> new CertVerdict(true, null, null, null),
                        MapSessionStore.off(), Instant.now(), null), trace);
    }

    private static String get(SecureChannel channel) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        return new String(channel.input().readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void theServersChoiceOfX25519MlKem768WorksEndToEnd() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (HybridTls13Server server = new HybridTls13Server(HYBRID_FIRST, null, false);
             SecureChannel channel = connect(server.port(), List.of("http/1.1"), trace)) {
            assertEquals("X25519MLKEM768", channel.info().group());
            assertTrue(get(channel).endsWith("ok"));
            assertEquals("served", server.outcome());
            // The ClientHello's record says TLS 1.0, as Chrome's (RFC 8446 §5.1); our Finished's, TLS 1.2.
            assertEquals(0x0301, server.clientHandshakeRecordVersions.get(0));
            assertEquals(0x0303, server.clientHandshakeRecordVersions.get(server.clientHandshakeRecordVersions.size() - 1));
            // GREASE (one byte), the hybrid share (ML-KEM-768 key 1184 + X25519 32), x25519 (32).
            List<KeyShareEntry> shares = keyShares(server.clientHellos.get(0));
            assertTrue(GreaseValues.isGrease(shares.get(0).group()));
            assertEquals(1, shares.get(0).keyExchange().length);
            assertEquals(List.of(0x11ec, 0x001d), shares.subList(1, 3).stream().map(KeyShareEntry::group).toList());
            assertEquals(List.of(1216, 32), shares.subList(1, 3).stream().map(s -> s.keyExchange().length).toList());
            assertEquals("X25519MLKEM768, x25519", trace.fieldsByMessage.get("C>S ClientHello").get("key_share"));
            assertTrue(trace.infos.stream().anyMatch(i -> i.contains("hybrid key share")), trace.infos.toString());
            assertTrue(trace.infos.stream().anyMatch(i -> i.contains("two TCP segments")), trace.infos.toString());
            assertTrue(trace.infos.contains("hello: ClientHello sent with 15 cipher suites and a GREASE value"), trace.infos.toString());
        }
    }

    /** A server without the hybrid group (Bouncy Castle 1.80's, the JDK's, OpenSSL 3.0) picks the x25519 share beside it. */
    @Test
    void aServerWithoutTheHybridGroupUsesTheX25519ShareBesideIt() throws Exception {
        try (HybridTls13Server server = new HybridTls13Server(List.of(NamedGroup.X25519), null, false);
             SecureChannel channel = connect(server.port(), List.of("http/1.1"), new RecordingTrace())) {
            assertEquals("x25519", channel.info().group());
            assertTrue(get(channel).endsWith("ok"));
            assertEquals("served", server.outcome());
        }
    }

    @Test
    void aHelloRetryRequestFromTheHybridToP256KeepsGreaseAndTheOrder() throws Exception {
        try (HybridTls13Server server = new HybridTls13Server(List.of(NamedGroup.SECP256R1), NamedGroup.SECP256R1, false)) {
            SecureChannel channel;
            try {
                channel = connect(server.port(), List.of("http/1.1"), new RecordingTrace());
            } catch (Exception e) {
                throw new AssertionError(server.outcome(), e);
            }
            assertEquals("secp256r1", channel.info().group());
            assertTrue(get(channel).endsWith("ok"));
            assertEquals("served", server.outcome());
            ClientHello first = server.clientHellos.get(0);
            ClientHello second = server.clientHellos.get(1);
            // RFC 8446 §4.1.2: one share, for the group asked for; everything else as it was.
            assertEquals(List.of(NamedGroup.SECP256R1.code()), keyShares(second).stream().map(KeyShareEntry::group).toList());
            assertEquals(first.cipherSuites(), second.cipherSuites());
            assertEquals(types(first), types(second));
            // BoringSSL: TLS 1.0 on the first ClientHello's record only; after the server's answer, TLS 1.2.
            assertEquals(List.of(0x0301, 0x0303), server.clientHandshakeRecordVersions.subList(0, 2));
            channel.close();
        }
    }

    @Test
    void aBrotliCompressedCertificateIsDecompressedAndTheTranscriptTakesItAsItCame() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (HybridTls13Server server = new HybridTls13Server(HYBRID_FIRST, null, true);
             SecureChannel channel = connect(server.port(), List.of("http/1.1"), trace)) {
            assertTrue(get(channel).endsWith("ok"));
            assertEquals("served", server.outcome()); // both Finished messages agreed on the transcript
            assertTrue(trace.received.contains("CompressedCertificate"), trace.received.toString());
            assertTrue(trace.infos.stream().anyMatch(i -> i.contains("CompressedCertificate (RFC 8879): brotli")), trace.infos.toString());
        }
    }

    @Test
    void greaseSitsWhereChromePutsItAndTheOrderChangesPerConnection() throws Exception {
        ClientHello a = helloSent(List.of("http/1.1"), new RecordingTrace());
        ClientHello b = helloSent(List.of("http/1.1"), new RecordingTrace());
        for (ClientHello ch : List.of(a, b)) {
            assertTrue(GreaseValues.isGrease(ch.cipherSuites().get(0)));
            List<Integer> versions = Extensions.decodeSupportedVersionsOffer(ch.extension(ExtensionType.SUPPORTED_VERSIONS).data());
            assertTrue(GreaseValues.isGrease(versions.get(0)));
            assertEquals(List.of(0x0304, 0x0303), versions.subList(1, 3));
            List<Integer> groups = Extensions.decodeSupportedGroups(ch.extension(ExtensionType.SUPPORTED_GROUPS).data());
            assertTrue(GreaseValues.isGrease(groups.get(0)));
            assertEquals(List.of(0x11ec, 0x001d, 0x0017, 0x0018), groups.subList(1, 5));
            Extension firstExt = ch.extensions().get(0);
            Extension lastExt = ch.extensions().get(ch.extensions().size() - 1);
            assertTrue(GreaseValues.isGrease(firstExt.type()) && firstExt.data().length == 0);
            assertTrue(GreaseValues.isGrease(lastExt.type()) && lastExt.data().length == 1);
            assertNotEquals(firstExt.type(), lastExt.type());
            assertEquals(List.of(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601),
                    Extensions.decodeSignatureAlgorithms(ch.extension(ExtensionType.SIGNATURE_ALGORITHMS).data()));
            assertEquals("020002", HexFormat.of().formatHex(ch.extension(27).data())); // compress_certificate: [brotli]
            // ECH GREASE: outer, HKDF-SHA256, AES-128-GCM, a config_id, 32-byte enc, a 144/176/208/240-byte payload.
            byte[] ech = ch.extension(ExtensionType.ENCRYPTED_CLIENT_HELLO).data();
            assertEquals("0000010001", HexFormat.of().formatHex(ech, 0, 5));
            assertEquals(32, ((ech[6] & 0xff) << 8) | (ech[7] & 0xff));
            int payload = ((ech[40] & 0xff) << 8) | (ech[41] & 0xff);
            assertTrue(Set.of(144, 176, 208, 240).contains(payload), "payload " + payload);
            assertEquals(42 + payload, ech.length);
        }
        // 16! orders: two connections drawing the same one would be a broken shuffle, not bad luck.
        assertNotEquals(types(a), types(b));
    }

    /**
     * JA4 as a server computes it (FoxIO's algorithm, GREASE ignored, SNI and ALPN outside the
     * sorted extension hash) equals a captured Chrome 143's, offered h2 and http/1.1 as Chrome does:
     * the same 15 cipher suites, the same 16 extensions, the same signature algorithms.
     */
    @Test
    void theJa4IsChrome143s() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        ClientHello hello = helloSent(List.of("h2", "http/1.1"), trace);
        String ja4r = "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9"
                + "_0005,000a,000b,000d,0012,0017,001b,0023,002b,002d,0033,44cd,fe0d,ff01_0403,0804,0401,0503,0805,0501,0806,0601";
        assertEquals(ja4r, trace.fieldsByMessage.get("C>S ClientHello").get("ja4_r"));
        assertEquals("t13d1516h2_8daaf6152771_d8a2da3f94cd", trace.fieldsByMessage.get("C>S ClientHello").get("ja4"));
        assertEquals("t13d1516h2_8daaf6152771_d8a2da3f94cd", Ja4.of(hello).ja4()); // what the server received gives the same
        assertEquals(ja4r, Ja4.of(hello).ja4r());
    }

    /** Chrome's cipher suites in Chrome's order, and its extension set, GREASE aside. */
    @Test
    void theSuitesAndExtensionsAreChrome143s() throws Exception {
        ClientHello hello = helloSent(List.of("h2", "http/1.1"), new RecordingTrace());
        assertTrue(GreaseValues.isGrease(hello.cipherSuites().get(0)));
        assertEquals(List.of(0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014,
                0x009c, 0x009d, 0x002f, 0x0035), hello.cipherSuites().subList(1, hello.cipherSuites().size()));
        assertEquals(Set.of(0x0000, 0x0005, 0x000a, 0x000b, 0x000d, 0x0010, 0x0012, 0x0017, 0x001b, 0x0023, 0x002b, 0x002d,
                0x0033, 0x44cd, 0xfe0d, 0xff01), types(hello).stream().filter(t -> !GreaseValues.isGrease(t)).collect(Collectors.toSet()));
        assertEquals(18, hello.extensions().size(), "16 extensions and the two GREASE ones, each once");
        // ALPS lists the ALPN protocols Chrome has settings for: h2 (the ALPN format, RFC 7301 §3.1).
        assertEquals("0003026832", HexFormat.of().formatHex(hello.extension(ExtensionType.APPLICATION_SETTINGS).data()));
        // As Chrome: no encrypt_then_mac beside the CBC suites, no padding extension.
        assertEquals(null, hello.extension(ExtensionType.ENCRYPT_THEN_MAC));
        assertEquals(null, hello.extension(ExtensionType.PADDING));
    }

    /** Without h2 in ALPN, Chrome sends no ALPS (it has settings for h2 only): 15 extensions. */
    @Test
    void withoutH2ThereIsNoAlps() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        ClientHello hello = helloSent(List.of("http/1.1"), trace);
        assertEquals(null, hello.extension(ExtensionType.APPLICATION_SETTINGS));
        String suites = "002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9";
        String extensionsAndSigAlgs = "0005,000a,000b,000d,0012,0017,001b,0023,002b,002d,0033,fe0d,ff01_0403,0804,0401,0503,0805,0501,0806,0601";
        assertEquals("t13d1515h1_" + suites + "_" + extensionsAndSigAlgs, trace.fieldsByMessage.get("C>S ClientHello").get("ja4_r"));
        assertEquals("t13d1515h1_" + sha256Prefix(suites) + "_" + sha256Prefix(extensionsAndSigAlgs), Ja4.of(hello).ja4());
    }

    /** We sent only ECH GREASE: a server's retry_configs are checked for form and not used (draft-ietf-tls-esni §6.2). */
    @Test
    void retryConfigsAnsweringEchGreaseAreIgnored() throws Exception {
        try (HybridTls13Server server = new HybridTls13Server(HYBRID_FIRST, null, false)) {
            server.echRetryConfigs = new byte[] {0, 4, (byte) 0xfe, 0x0d, 0, 0};
            try (SecureChannel channel = connect(server.port(), List.of("http/1.1"), new RecordingTrace())) {
                assertTrue(get(channel).endsWith("ok"));
            }
            assertEquals("served", server.outcome());
        }
    }

    private static ClientHello helloSent(List<String> alpn, RecordingTrace trace) throws Exception {
        try (HybridTls13Server server = new HybridTls13Server(HYBRID_FIRST, null, false);
             SecureChannel channel = connect(server.port(), alpn, trace)) {
            assertTrue(get(channel).endsWith("ok"));
            assertEquals("served", server.outcome());
            return server.clientHellos.get(0);
        }
    }

    private static String sha256Prefix(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII))).substring(0, 12);
    }

    private static List<KeyShareEntry> keyShares(ClientHello ch) throws Exception {
        return Extensions.decodeKeyShareClientHello(ch.extension(ExtensionType.KEY_SHARE).data());
    }

    private static List<Integer> types(ClientHello ch) {
        return ch.extensions().stream().map(Extension::type).collect(Collectors.toList());
    }
}
