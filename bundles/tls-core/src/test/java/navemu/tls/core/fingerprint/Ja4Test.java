package navemu.tls.core.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import navemu.api.NavigationException;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.client.Tls13Client;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.GreaseValues;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.wire.WireWriter;

/**
 * JA4 against a published capture of Chrome 143's ClientHello (its suites, extensions in the
 * order it sent them, signature algorithms, GREASE included) and against the hello our own
 * TLS 1.3 client sends.
 */
class Ja4Test {
    private static final int[] CHROME_143_SUITES = {
        0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035};
    private static final List<Integer> CHROME_143_SIG_ALGS = List.of(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601);

    @Test
    void chrome143sHelloGivesItsPublishedFingerprints() throws Exception {
        Ja4 ja4 = Ja4.of(chrome143Hello(GreaseValues.choose(new SecureRandom())).encode());
        assertEquals("t13d1516h2_8daaf6152771_d8a2da3f94cd", ja4.ja4());
        assertEquals("t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_"
                + "0005,000a,000b,000d,0012,0017,001b,0023,002b,002d,0033,44cd,fe0d,ff01_"
                + "0403,0804,0401,0503,0805,0501,0806,0601", ja4.ja4r());
        assertEquals("t13d1516h2_acb858a92679_f96a17c57971", ja4.ja4o());
        assertEquals("t13d1516h2_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035_"
                + "002d,0033,0010,fe0d,0017,44cd,0000,000b,000a,002b,ff01,0023,0012,0005,000d,001b_"
                + "0403,0804,0401,0503,0805,0501,0806,0601", ja4.ja4ro());
    }

    @Test
    void chromesExtensionShuffleChangesOnlyTheOriginalOrderForms() throws Exception {
        ClientHello hello = chrome143Hello(GreaseValues.choose(new SecureRandom()));
        List<Extension> shuffled = new ArrayList<>(hello.extensions());
        java.util.Collections.reverse(shuffled);
        ClientHello other = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), hello.legacyCompressionMethods(), shuffled);
        assertEquals(Ja4.of(hello).ja4(), Ja4.of(other).ja4());
        assertEquals(Ja4.of(hello).ja4r(), Ja4.of(other).ja4r());
        assertTrue(!Ja4.of(hello).ja4o().equals(Ja4.of(other).ja4o()));
    }

    @Test
    void theAlpnPartFollowsTheSpecsRules() throws Exception {
        assertEquals("h1", alpnPart(List.of("http/1.1".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("hh", alpnPart(List.of("h".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("00", alpnPart(null));
        // Not letters or digits at either end: the first and last hex digit (the specification's examples).
        assertEquals("ad", alpnPart(List.of(new byte[] {(byte) 0xab, (byte) 0xcd})));
        assertEquals("3b", alpnPart(List.of(new byte[] {0x30, (byte) 0xab})));
        assertEquals("3d", alpnPart(List.of(new byte[] {0x30, 0x31, (byte) 0xab, (byte) 0xcd})));
        assertEquals("01", alpnPart(List.of(new byte[] {0x30, (byte) 0xab, (byte) 0xcd, 0x31})));
    }

    @Test
    void noSniNoSignatureAlgorithmsAndNoSuitesHaveTheirOwnForms() throws Exception {
        List<Extension> extensions = List.of(Extensions.supportedVersions(0x0303));
        ClientHello hello = new ClientHello(0x0303, new byte[32], new byte[0], List.of(0x0a0a), new byte[] {0}, extensions);
        Ja4 ja4 = Ja4.of(hello);
        // i: no SNI; 00 suites once GREASE is left out; no sig algs: no "_" before the hash input ends.
        assertEquals("t12i000100_000000000000_" + sha12("002b"), ja4.ja4());
        assertEquals("t12i000100__002b", ja4.ja4r());
    }

    @Test
    void countsAboveNinetyNineAreWrittenAsNinetyNineAndEveryValueAsFourHexDigits() throws Exception {
        List<Integer> suites = new ArrayList<>();
        for (int suite = 0x0001; suite <= 0x0078; suite++) { // 120 suites, from 0001 up
            suites.add(suite);
        }
        List<Extension> extensions = List.of(Extensions.supportedVersions(0x0303));
        Ja4 ja4 = Ja4.of(new ClientHello(0x0303, new byte[32], new byte[0], suites, new byte[] {0}, extensions));
        String list = hex(suites);
        assertEquals("t12i990100_" + list + "_002b", ja4.ja4r());
        assertEquals("t12i990100_" + sha12(list) + "_" + sha12("002b"), ja4.ja4());
    }

    @Test
    void aHelloThatIsNotOneIsADecodeError() {
        assertThrows(navemu.tls.core.alert.TlsAlertException.class, () -> Ja4.of(new byte[] {3, 3, 1}));
    }

    /**
     * Our TLS 1.3 client's first ClientHello, captured by a loopback server that reads one record
     * and hangs up. The expected JA4 is worked out here from the hello's parsed lists, step by step
     * as the specification says, not taken from the class under test.
     */
    @Test
    void ourTls13ClientsHelloIsFingerprintedFromItsOwnLists() throws Exception {
        byte[] body = captureTls13ClientHello();
        ClientHello hello = ClientHello.decode(body);

        List<Integer> suites = hello.cipherSuites().stream().filter(v -> !GreaseValues.isGrease(v)).toList();
        List<Integer> types = hello.extensions().stream().map(Extension::type).filter(v -> !GreaseValues.isGrease(v)).toList();
        List<Integer> sigAlgs = Extensions.decodeSignatureAlgorithms(hello.extension(ExtensionType.SIGNATURE_ALGORITHMS).data());
        List<String> alpn = Extensions.decodeAlpn(hello.extension(ExtensionType.ALPN).data());
        List<Integer> versions = Extensions.decodeSupportedVersionsOffer(hello.extension(ExtensionType.SUPPORTED_VERSIONS).data());
        String version = versions.contains(0x0304) ? "13" : "12";
        String sni = hello.extension(ExtensionType.SERVER_NAME) != null ? "d" : "i";
        String first = alpn.get(0);
        String a = "t" + version + sni + String.format("%02d%02d", suites.size(), types.size())
                + first.charAt(0) + first.charAt(first.length() - 1);
        String sortedSuites = hex(suites.stream().sorted().toList());
        String sortedExtensions = hex(types.stream().filter(t -> t != 0x0000 && t != 0x0010).sorted().toList());
        String c = sortedExtensions + "_" + hex(sigAlgs);

        Ja4 ja4 = Ja4.of(body);
        assertEquals(a + "_" + sha12(sortedSuites) + "_" + sha12(c), ja4.ja4());
        assertEquals(a + "_" + sortedSuites + "_" + c, ja4.ja4r());
        assertEquals(a + "_" + hex(suites) + "_" + hex(types) + "_" + hex(sigAlgs), ja4.ja4ro());
        assertTrue(a.startsWith("t13d"), a); // our client offers TLS 1.3 and sends SNI for a name
    }

    // --- Chrome 143's hello, as captured (values from a public capture; random and keys are ours) ---

    static ClientHello chrome143Hello(GreaseValues grease) {
        List<Integer> suites = new ArrayList<>();
        suites.add(grease.cipherSuite());
        Arrays.stream(CHROME_143_SUITES).forEach(suites::add);
        byte[] x25519 = new byte[32];
        byte[] hybrid = new byte[1216];
        List<Extension> ext = new ArrayList<>();
        ext.add(new Extension(grease.firstExtension(), new byte[0]));
        ext.add(Extensions.pskKeyExchangeModes(Extensions.PSK_DHE_KE));
        ext.add(new Extension(ExtensionType.KEY_SHARE, WireWriter.build(w -> w.vector16(list -> {
            list.u16(grease.group()).opaque16(new byte[1]);
            list.u16(0x11ec).opaque16(hybrid);
            list.u16(0x001d).opaque16(x25519);
        }))));
        ext.add(Extensions.alpn(List.of("h2", "http/1.1")));
        ext.add(new Extension(0xfe0d, new byte[180])); // GREASE ECH: its content does not enter JA4
        ext.add(new Extension(ExtensionType.EXTENDED_MASTER_SECRET, new byte[0]));
        ext.add(new Extension(0x44cd, WireWriter.build(w -> w.vector16(list -> list.opaque8("h2".getBytes(StandardCharsets.US_ASCII))))));
        ext.add(Extensions.serverName("www.example.com"));
        ext.add(new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, 0}));
        ext.add(Extensions.supportedGroups(List.of(grease.group(), 0x11ec, 0x001d, 0x0017, 0x0018)));
        ext.add(Extensions.supportedVersions(grease.version(), 0x0304, 0x0303));
        ext.add(new Extension(ExtensionType.RENEGOTIATION_INFO, new byte[] {0}));
        ext.add(new Extension(ExtensionType.SESSION_TICKET, new byte[0]));
        ext.add(new Extension(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, new byte[0]));
        ext.add(Extensions.statusRequestOcsp());
        ext.add(Extensions.signatureAlgorithms(CHROME_143_SIG_ALGS));
        ext.add(new Extension(0x001b, new byte[] {2, 0, 2})); // compress_certificate: brotli
        ext.add(new Extension(grease.secondExtension(), new byte[1]));
        byte[] random = new byte[32];
        byte[] sessionId = new byte[32];
        new SecureRandom().nextBytes(random);
        return new ClientHello(0x0303, random, sessionId, suites, new byte[] {0}, ext);
    }

    private static String alpnPart(List<byte[]> protocols) throws Exception {
        List<Extension> ext = new ArrayList<>();
        ext.add(Extensions.supportedVersions(0x0304));
        if (protocols != null) {
            ext.add(new Extension(ExtensionType.ALPN, WireWriter.build(w -> w.vector16(list -> protocols.forEach(list::opaque8)))));
        }
        String a = Ja4.of(new ClientHello(0x0303, new byte[32], new byte[0], List.of(0x1301), new byte[] {0}, ext)).ja4();
        return a.substring(8, 10);
    }

    private static byte[] captureTls13ClientHello() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            CompletableFuture<byte[]> hello = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] header = in.readNBytes(5);
                    byte[] record = in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
                    int length = ((record[1] & 0xff) << 16) | ((record[2] & 0xff) << 8) | (record[3] & 0xff);
                    if (header[0] != 22 || record[0] != 1) {
                        throw new IllegalStateException("not a ClientHello record");
                    }
                    return Arrays.copyOfRange(record, 4, 4 + length);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            TlsRequest request = new TlsRequest("www.lab.test", server.getLocalPort(), List.of("http/1.1"), null, Duration.ofSeconds(10));
            try (SocketConnection connection = SocketConnection.connect(server.getLocalPort())) {
                // The server hangs up after the hello, so the handshake fails; only the hello matters here.
                assertThrows(NavigationException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                        .handshake(request, connection, new TlsContext(null, null, Instant.now(), null), null));
            }
            return hello.get(10, TimeUnit.SECONDS);
        }
    }

    private static String hex(List<Integer> values) {
        return values.stream().map(v -> String.format("%04x", v)).collect(Collectors.joining(","));
    }

    private static String sha12(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII))).substring(0, 12);
    }
}
