package navemu.tls.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.RecordRewritingProxy;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * What offering Chrome's four AES-CBC-SHA suites and its RSA key exchange suites commits the
 * browser client to: a server may choose any of them, and then the connection works as in Chrome
 * (openssl s_server forced to each, real bytes both ways), MAC-then-encrypt with HMAC-SHA1 since,
 * as Chrome, we offer no encrypt_then_mac. A record tampered with on the way — a MAC byte flipped,
 * bad padding, padding longer than the record, a record too short for IV and MAC — is the same
 * bad_record_mac every time (RFC 5246 §6.2.3.2), traced, and Chromium's ERR_SSL_PROTOCOL_ERROR.
 */
@Timeout(60)
class CbcSuitesTest {

    private static SecureChannel connect(int port, RecordingTrace trace) throws Exception {
        return new BrowserTlsClient().handshake(new TlsRequest(TestPki.HOST, port, List.of("h2", "http/1.1"), null,
                        Duration.ofSeconds(10)), SocketConnection.connect(port),
                new TlsContext((r, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(), Instant.now(), null), trace);
    }

    private static String statusLine(SecureChannel channel) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    @ParameterizedTest(name = "openssl s_server -cipher {0} → {1}")
    @CsvSource({
            "ECDHE-RSA-AES128-SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "ECDHE-RSA-AES256-SHA, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "AES128-GCM-SHA256, TLS_RSA_WITH_AES_128_GCM_SHA256",
            "AES256-GCM-SHA384, TLS_RSA_WITH_AES_256_GCM_SHA384",
            "AES128-SHA, TLS_RSA_WITH_AES_128_CBC_SHA",
            "AES256-SHA, TLS_RSA_WITH_AES_256_CBC_SHA",
    })
    void eachOfChromesTls12SuitesWorksAgainstOpenssl(String opensslCipher, String suite) throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        RecordingTrace trace = new RecordingTrace();
        try (OpenSslServer server = OpenSslServer.start("-tls1_2", TestPki.create(TestPki.KeyType.RSA), opensslCipher, null);
             SecureChannel channel = connect(server.port(), trace)) {
            assertEquals("TLSv1.2", channel.info().version(), server.output());
            assertEquals(suite, channel.info().cipherSuite());
            // Several records each way under the suite's protection: the request, s_server's status page.
            assertTrue(statusLine(channel).contains(" 200"), server.output());
            if (suite.contains("CBC_SHA")) {
                assertTrue(trace.infos.stream().anyMatch(i -> i.contains("MAC key (HMAC-SHA-1)")), trace.infos.toString());
                assertTrue(trace.secrets.containsKey("server_write_MAC_key"), trace.secrets.keySet().toString());
                assertEquals(40, trace.secrets.get("server_write_MAC_key").length(), "a 20-byte HMAC-SHA1 key");
            }
        }
    }

    /**
     * The server's Finished under AES-CBC-SHA1 is one record: a 16-byte IV, then 48 bytes of CBC
     * holding the 16-byte Finished, the 20-byte MAC and 12 bytes of padding (each 11). Flipping a
     * byte of the ciphertext flips the same byte of the next plaintext block (CBC), which lets a
     * man in the middle without keys aim at the MAC or the padding.
     */
    enum Tampering {
        /** Ciphertext block 1, byte 0: plaintext block 2 byte 0 is MAC byte 16 (block 1, the MAC's start, is garbled). */
        MAC_BYTE_FLIPPED(f -> flip(f, 16 + 16, 0x01)),
        /** Ciphertext block 1, byte 14: a padding byte becomes 10 while the length byte says 11. */
        BAD_PADDING(f -> flip(f, 16 + 16 + 14, 0x01)),
        /** Ciphertext block 1, byte 15: the padding length becomes 255, longer than the 48-byte record. */
        PADDING_LONGER_THAN_THE_RECORD(f -> flip(f, 16 + 16 + 15, 0x0b ^ 0xff)),
        /** IV and one block: too short to hold a 20-byte MAC and a padding byte. */
        TOO_SHORT_FOR_THE_MAC(f -> Arrays.copyOf(f, 32)),
        /** Not a whole number of blocks after the IV. */
        NOT_WHOLE_BLOCKS(f -> Arrays.copyOf(f, f.length - 1));

        final UnaryOperator<byte[]> change;

        Tampering(UnaryOperator<byte[]> change) {
            this.change = change;
        }

        private static byte[] flip(byte[] fragment, int index, int mask) {
            byte[] out = fragment.clone();
            out[index] ^= (byte) mask;
            return out;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tampering.class)
    void aTamperedCbcRecordIsBadRecordMac(Tampering tampering) throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        AtomicBoolean afterChangeCipherSpec = new AtomicBoolean();
        AtomicBoolean tampered = new AtomicBoolean();
        int[] finishedLength = {-1};
        try (OpenSslServer server = OpenSslServer.start("-tls1_2", TestPki.create(TestPki.KeyType.RSA), "ECDHE-RSA-AES128-SHA", null);
             RecordRewritingProxy proxy = new RecordRewritingProxy(server.port(), (index, record) -> {
                 if (record.type() == ContentType.CHANGE_CIPHER_SPEC) {
                     afterChangeCipherSpec.set(true);
                 } else if (afterChangeCipherSpec.get() && record.type() == ContentType.HANDSHAKE && !tampered.getAndSet(true)) {
                     finishedLength[0] = record.fragment().length;
                     return List.of(new TlsRecord(record.type(), record.legacyVersion(), tampering.change.apply(record.fragment())));
                 }
                 return List.of(record);
             })) {
            RecordingTrace trace = new RecordingTrace();
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> connect(proxy.port(), trace));
            assertEquals(64, finishedLength[0], "the layout the tampering aims at: IV 16 + Finished 16 + MAC 20 + padding 12");
            assertTrue(e.getMessage().contains("failed its MAC or padding check") && e.getMessage().contains("bad_record_mac"),
                    e.getMessage());
            assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error());
            assertEquals("bad_record_mac", trace.fieldsByMessage.get("C>S Alert").get("description"), trace.sent.toString());
        }
    }
}
