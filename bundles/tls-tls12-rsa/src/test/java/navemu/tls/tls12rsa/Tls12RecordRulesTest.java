package navemu.tls.tls12rsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordRewritingProxy;
import navemu.tls.core.testing.RecordingTrace;

/**
 * The TLS 1.2 record rules against the JDK's server, with a man in the middle who changes the
 * server's records without knowing any key: record versions (RFC 5246 §6.2.1), warning alerts
 * (§7.2), HelloRequest during the handshake (§7.4.1.1), and no record inside a fragmented
 * handshake message (RFC 8446 §5.1, which BoringSSL applies to TLS 1.2 too).
 */
@Timeout(60)
class Tls12RecordRulesTest {
    private static final String SUITE = "TLS_RSA_WITH_AES_128_GCM_SHA256";
    private static final byte[] WARNING_UNRECOGNIZED_NAME = {1, 112};

    /** Runs one connection through a proxy that applies {@code rewrite} to the server's records. */
    private static SecureChannel through(RecordRewritingProxy.Rewrite rewrite, RecordingTrace trace, SSLServerSocket server)
            throws Exception {
        RecordRewritingProxy proxy = new RecordRewritingProxy(server.getLocalPort(), rewrite);
        try {
            return connect(proxy.port(), trace);
        } finally {
            proxy.close(); // stops accepting; the connection made goes on
        }
    }

    private static SecureChannel connect(int port, RecordingTrace trace) throws Exception {
        return PeerInteropTest.connect(port, MapSessionStore.off(), trace);
    }

    private static TlsRecord relabelled(TlsRecord r, int version) {
        return new TlsRecord(r.type(), version, r.fragment());
    }

    /** The server's first record split after its first handshake message (the ServerHello). */
    private static List<TlsRecord> splitAfterServerHello(TlsRecord first, TlsRecord... between) {
        byte[] f = first.fragment();
        int end = 4 + (((f[1] & 0xff) << 16) | ((f[2] & 0xff) << 8) | (f[3] & 0xff));
        List<TlsRecord> out = new ArrayList<>();
        out.add(new TlsRecord(first.type(), first.legacyVersion(), Arrays.copyOf(f, end)));
        out.addAll(List.of(between));
        if (end < f.length) {
            out.add(new TlsRecord(first.type(), first.legacyVersion(), Arrays.copyOfRange(f, end, f.length)));
        }
        return out;
    }

    // ---- record versions (RFC 5246 §6.2.1) ---------------------------------------------------

    @Test
    void aChangedVersionOnTheServersEncryptedFinishedIsAProtocolVersionError() throws Exception {
        AtomicBoolean afterChangeCipherSpec = new AtomicBoolean();
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE)) {
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> through((i, r) -> {
                if (r.type() == ContentType.CHANGE_CIPHER_SPEC) {
                    afterChangeCipherSpec.set(true);
                } else if (afterChangeCipherSpec.get() && r.type() == ContentType.HANDSHAKE) {
                    return List.of(relabelled(r, 0x0301));
                }
                return List.of(r);
            }, new RecordingTrace(), server));
            assertTrue(e.getMessage().contains("protocol_version"), e.getMessage());
            assertTrue(afterChangeCipherSpec.get());
        }
    }

    @Test
    void aChangedVersionOnAPlaintextHandshakeRecordAfterTheServerHelloIsAProtocolVersionError() throws Exception {
        AtomicBoolean relabelled = new AtomicBoolean();
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE)) {
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> through((i, r) -> {
                // The first handshake record after the one that ends with the ServerHello gets TLS 1.1's version.
                List<TlsRecord> out = new ArrayList<>(i == 0 ? splitAfterServerHello(r) : List.of(r));
                for (int k = i == 0 ? 1 : 0; k < out.size(); k++) {
                    if (out.get(k).type() == ContentType.HANDSHAKE && !relabelled.getAndSet(true)) {
                        out.set(k, relabelled(out.get(k), 0x0302));
                    }
                }
                return out;
            }, new RecordingTrace(), server));
            assertTrue(relabelled.get());
            assertTrue(e.getMessage().contains("protocol_version"), e.getMessage());
        }
    }

    @Test
    void aChangedVersionOnApplicationDataIsAProtocolVersionError() throws Exception {
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE);
             SecureChannel channel = through((i, r) -> List.of(r.type() == ContentType.APPLICATION_DATA ? relabelled(r, 0x0300) : r),
                     new RecordingTrace(), server)) {
            IOException e = assertThrows(IOException.class, () -> PeerInteropTest.get(channel));
            assertTrue(e.getMessage().contains("version"), e.getMessage());
        }
    }

    // ---- warning alerts (RFC 5246 §7.2) ------------------------------------------------------

    @Test
    void warningAlertsDuringTheHandshakeAreShownAndIgnored() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        TlsRecord warning = new TlsRecord(ContentType.ALERT, 0x0303, WARNING_UNRECOGNIZED_NAME);
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE);
             SecureChannel channel = through((i, r) -> i == 0 ? List.of(warning, warning, r) : List.of(r), trace, server)) {
            assertTrue(PeerInteropTest.get(channel).contains(" 200"));
            Map<String, String> shown = trace.fieldsByMessage.get("S>C Alert");
            assertEquals("unrecognized_name", shown.get("description"));
            assertTrue(shown.get("note").contains("ignored"), shown.toString());
        }
    }

    @Test
    void moreThanFourWarningAlertsInARowAreAnUnexpectedMessage() throws Exception {
        TlsRecord warning = new TlsRecord(ContentType.ALERT, 0x0303, WARNING_UNRECOGNIZED_NAME);
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE)) {
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> through(
                    (i, r) -> i == 0 ? List.of(warning, warning, warning, warning, warning, r) : List.of(r), new RecordingTrace(), server));
            assertTrue(e.getMessage().contains("unexpected_message"), e.getMessage());
            assertTrue(e.getMessage().contains("warning alerts in a row"), e.getMessage());
        }
    }

    @Test
    void aFatalAlertStillEndsTheHandshake() throws Exception {
        TlsRecord fatal = new TlsRecord(ContentType.ALERT, 0x0303, new byte[] {2, 40});
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE)) {
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> through(
                    (i, r) -> i == 0 ? List.of(fatal) : List.of(r), new RecordingTrace(), server));
            assertTrue(e.getMessage().contains("handshake_failure"), e.getMessage());
        }
    }

    // ---- HelloRequest (RFC 5246 §7.4.1.1) ----------------------------------------------------

    @Test
    void aHelloRequestDuringTheHandshakeIsIgnoredAndLeftOutOfTheTranscript() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        TlsRecord helloRequest = new TlsRecord(ContentType.HANDSHAKE, 0x0303, new byte[] {0, 0, 0, 0});
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE);
             SecureChannel channel = through((i, r) -> i == 0 ? splitAfterServerHello(r, helloRequest) : List.of(r), trace, server)) {
            // The Finished messages verify only if the HelloRequest stayed out of the transcript.
            assertTrue(PeerInteropTest.get(channel).contains(" 200"));
            assertTrue(trace.fieldsByMessage.get("S>C HelloRequest").get("ignored").contains("RFC 5246 §7.4.1.1"));
        }
    }

    // ---- no record inside a fragmented handshake message (RFC 8446 §5.1) -------------------

    @Test
    void anAlertInsideAFragmentedHandshakeMessageIsAnUnexpectedMessage() throws Exception {
        TlsRecord warning = new TlsRecord(ContentType.ALERT, 0x0303, WARNING_UNRECOGNIZED_NAME);
        try (SSLServerSocket server = PeerInteropTest.jdkServer(SUITE)) {
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> through((i, r) -> {
                if (i != 0) {
                    return List.of(r);
                }
                byte[] f = r.fragment();
                return List.of(new TlsRecord(r.type(), r.legacyVersion(), Arrays.copyOf(f, 10)), warning,
                        new TlsRecord(r.type(), r.legacyVersion(), Arrays.copyOfRange(f, 10, f.length)));
            }, new RecordingTrace(), server));
            assertTrue(e.getMessage().contains("unexpected_message"), e.getMessage());
            assertTrue(e.getMessage().contains("inside a fragmented handshake message"), e.getMessage());
        }
    }
}
