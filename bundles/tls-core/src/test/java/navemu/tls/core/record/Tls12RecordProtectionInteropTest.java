package navemu.tls.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import navemu.tls.core.crypto.AeadAlgorithm;
import navemu.tls.core.crypto.HashAlgorithm;
import navemu.tls.core.crypto.Tls12Prf;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.handshake.CertificateMessage;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.ClientKeyExchange;
import navemu.tls.core.handshake.NewSessionTicketTls12;
import navemu.tls.core.handshake.ServerHelloDone;
import navemu.tls.core.handshake.ServerKeyExchangeEcdhe;
import navemu.tls.core.handshake.HandshakeAssembler;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.ServerHello;

/**
 * An independent check of the TLS 1.2 pieces of tls-core (PRF, key block, AEAD record
 * protection) on real traffic: the JDK's TLS 1.2 client talks to {@code openssl s_server}
 * through a loopback proxy that records both directions; OpenSSL's key log gives the master
 * secret; we derive the keys and decrypt both sides' Finished and application data, and check
 * the client's verify_data. AEAD suites and CBC suites (MAC-then-encrypt: the JDK does not
 * offer encrypt_then_mac).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Tls12RecordProtectionInteropTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, AES_128_GCM, SHA256, 0, ",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, AES_256_GCM, SHA384, 0, ",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, CHACHA20_POLY1305, SHA256, 0, ",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, , SHA256, 16, SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, , SHA384, 32, SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, , SHA256, 16, SHA1"})
    void capturedTls12TrafficDecryptsWithOurKeyBlockAndProtection(String suite, AeadAlgorithm aead, HashAlgorithm prfHash,
                                                                   int cbcKeyLength, HashAlgorithm macHash) throws Exception {
        String openssl = new File("/usr/bin/openssl").canExecute() ? "/usr/bin/openssl" : null;
        Assumptions.assumeTrue(openssl != null, "openssl is not installed in /usr/bin: TLS 1.2 record interop check skipped");
        Path dir = Files.createTempDirectory("navemu-tls12");
        Process server = null;
        try {
            run(dir, openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=localhost", "-days", "2");
            int port = freePort();
            server = new ProcessBuilder(openssl, "s_server", "-tls1_2", "-accept", "127.0.0.1:" + port, "-cert", "cert.pem",
                    "-key", "key.pem", "-keylogfile", "keys.log", "-www", "-quiet")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
            awaitListening(port, server);

            Capture capture = new Capture(port);
            String response = jdkClientGet(capture.port(), suite);
            capture.join();
            assertTrue(response.startsWith("HTTP/1.0 200 ok"), response);

            String[] keyLine = Files.readAllLines(dir.resolve("keys.log")).stream()
                    .filter(l -> l.startsWith("CLIENT_RANDOM ")).findFirst().orElseThrow().split(" ");
            byte[] master = Hex.decode(keyLine[2]);

            Side client = Side.read(capture.clientToServer());
            Side serverSide = Side.read(capture.serverToClient());
            byte[] clientRandom = ClientHello.decode(client.handshake.get(0).body()).random();
            byte[] serverRandom = ServerHello.decode(serverSide.handshake.get(0).body()).random();
            assertArrayEquals(Hex.decode(keyLine[1]), clientRandom, "the key log line is for this connection");

            checkTls12HandshakeCodecs(client, serverSide, clientRandom, serverRandom);

            Tls12Prf prf = new Tls12Prf(prfHash);
            RecordProtection clientProtection;
            RecordProtection serverProtection;
            RecordProtection writer;
            RecordProtection reader;
            if (aead != null) {
                // RFC 5246 §6.3: AEAD suites have no MAC keys: client key, server key, client IV, server IV.
                int k = aead.keyLength();
                int iv = Tls12AeadProtection.fixedIvLength(aead);
                byte[] block = prf.keyBlock(master, clientRandom, serverRandom, 2 * k + 2 * iv);
                byte[] ck = java.util.Arrays.copyOfRange(block, 0, k);
                byte[] civ = java.util.Arrays.copyOfRange(block, 2 * k, 2 * k + iv);
                clientProtection = new Tls12AeadProtection(aead, ck, civ);
                serverProtection = new Tls12AeadProtection(aead, java.util.Arrays.copyOfRange(block, k, 2 * k),
                        java.util.Arrays.copyOfRange(block, 2 * k + iv, 2 * k + 2 * iv));
                writer = new Tls12AeadProtection(aead, ck, civ);
                reader = new Tls12AeadProtection(aead, ck, civ);
            } else {
                // CBC: client MAC key, server MAC key, client key, server key; the IVs travel in each record.
                int m = macHash.length();
                int k = cbcKeyLength;
                byte[] block = prf.keyBlock(master, clientRandom, serverRandom, 2 * m + 2 * k);
                byte[] cm = java.util.Arrays.copyOfRange(block, 0, m);
                byte[] sm = java.util.Arrays.copyOfRange(block, m, 2 * m);
                byte[] ck = java.util.Arrays.copyOfRange(block, 2 * m, 2 * m + k);
                byte[] sk = java.util.Arrays.copyOfRange(block, 2 * m + k, 2 * m + 2 * k);
                var random = new java.security.SecureRandom();
                clientProtection = new Tls12CbcProtection(ck, cm, macHash, false, random);
                serverProtection = new Tls12CbcProtection(sk, sm, macHash, false, random);
                writer = new Tls12CbcProtection(ck, cm, macHash, true, random);
                reader = new Tls12CbcProtection(ck, cm, macHash, true, random);
            }

            List<TlsRecord> clientOpened = client.openAfterChangeCipherSpec(clientProtection);
            List<TlsRecord> serverOpened = serverSide.openAfterChangeCipherSpec(serverProtection);

            // The client's Finished: verify_data over CH, SH, Certificate, ServerKeyExchange, ServerHelloDone, CKE.
            byte[] finished = clientOpened.get(0).fragment();
            assertEquals(HandshakeType.FINISHED.code(), finished[0]);
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();
            transcript.writeBytes(client.handshake.get(0).encode());
            for (HandshakeMessage m : serverSide.handshake) {
                if (m.type() != HandshakeType.NEW_SESSION_TICKET) {
                    transcript.writeBytes(m.encode());
                }
            }
            for (HandshakeMessage m : client.handshake.subList(1, client.handshake.size())) {
                transcript.writeBytes(m.encode());
            }
            assertArrayEquals(prf.finishedVerifyData(master, true, prfHash.hash(transcript.toByteArray())),
                    java.util.Arrays.copyOfRange(finished, 4, finished.length));
            assertEquals(HandshakeType.FINISHED.code(), serverOpened.get(0).fragment()[0]);
            assertTrue(new String(clientOpened.get(1).fragment(), StandardCharsets.US_ASCII).startsWith("GET / HTTP/1.0"));
            assertTrue(new String(serverOpened.get(1).fragment(), StandardCharsets.US_ASCII).startsWith("HTTP/1.0 200 ok"));

            // And our own sealing opens with a fresh protection of the same keys (for CBC: encrypt-then-MAC).
            TlsRecord sealed = writer.protect(ContentType.APPLICATION_DATA, "ours".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ours", new String(reader.unprotect(sealed).fragment(), StandardCharsets.US_ASCII));
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
            }
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            dir.toFile().delete();
        }
    }

    /**
     * The TLS 1.2 messages as the JDK and OpenSSL sent them decode and re-encode byte for byte,
     * and the ServerKeyExchange signature verifies with the leaf key (RFC 8422 §5.4).
     */
    private static void checkTls12HandshakeCodecs(Side client, Side server, byte[] clientRandom, byte[] serverRandom)
            throws Exception {
        java.util.Map<HandshakeType, HandshakeMessage> byType = new java.util.EnumMap<>(HandshakeType.class);
        server.handshake.forEach(m -> byType.put(m.type(), m));
        client.handshake.forEach(m -> byType.put(m.type(), m));

        byte[] certBody = byType.get(HandshakeType.CERTIFICATE).body();
        CertificateMessage cert = CertificateMessage.decodeTls12(certBody);
        assertArrayEquals(certBody, cert.encodeTls12());

        byte[] skeBody = byType.get(HandshakeType.SERVER_KEY_EXCHANGE).body();
        ServerKeyExchangeEcdhe ske = ServerKeyExchangeEcdhe.decode(skeBody);
        assertArrayEquals(skeBody, ske.encode());
        SignatureScheme scheme = SignatureScheme.of(ske.signatureAlgorithm());
        assertTrue(scheme.verify(LeafCertificate.parse(cert.chain().get(0)).publicKey(),
                ske.signedContent(clientRandom, serverRandom), ske.signature()), "ServerKeyExchange signature");

        ServerHelloDone.decode(byType.get(HandshakeType.SERVER_HELLO_DONE).body());
        byte[] ckeBody = byType.get(HandshakeType.CLIENT_KEY_EXCHANGE).body();
        ClientKeyExchange cke = ClientKeyExchange.decode(ckeBody, false);
        assertEquals(ske.point().length, cke.exchangeKeys().length, "the client's point is on the server's curve");
        assertArrayEquals(ckeBody, cke.encode());
        HandshakeMessage ticket = byType.get(HandshakeType.NEW_SESSION_TICKET);
        if (ticket != null) {
            assertArrayEquals(ticket.body(), NewSessionTicketTls12.decode(ticket.body()).encode());
        }
    }

    /** One direction of the capture: the plaintext handshake messages, then the records after change_cipher_spec. */
    private record Side(List<HandshakeMessage> handshake, List<TlsRecord> protectedRecords) {
        static Side read(byte[] stream) throws IOException {
            RecordLayer layer = new RecordLayer(new ByteArrayInputStream(stream), new ByteArrayOutputStream());
            HandshakeAssembler assembler = new HandshakeAssembler();
            List<HandshakeMessage> handshake = new ArrayList<>();
            List<TlsRecord> after = new ArrayList<>();
            boolean changed = false;
            while (true) {
                TlsRecord r;
                try {
                    r = layer.read();
                } catch (PeerClosedException end) {
                    break;
                }
                if (changed) {
                    after.add(r);
                } else if (r.type() == ContentType.CHANGE_CIPHER_SPEC) {
                    changed = true;
                } else if (r.type() == ContentType.HANDSHAKE) {
                    assembler.add(r.fragment());
                    for (HandshakeMessage m; (m = assembler.next()) != null; ) {
                        handshake.add(m);
                    }
                }
            }
            return new Side(handshake, after);
        }

        List<TlsRecord> openAfterChangeCipherSpec(RecordProtection protection) throws IOException {
            List<TlsRecord> out = new ArrayList<>();
            for (TlsRecord r : protectedRecords) {
                out.add(protection.unprotect(r));
            }
            return out;
        }
    }

    /** A loopback proxy that forwards one connection and keeps both directions. */
    private static final class Capture {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final ByteArrayOutputStream up = new ByteArrayOutputStream();
        private final ByteArrayOutputStream down = new ByteArrayOutputStream();
        private final Thread thread;

        Capture(int target) throws IOException {
            thread = new Thread(() -> {
                try (Socket c = listener.accept(); Socket s = new Socket("127.0.0.1", target)) {
                    Thread pump = new Thread(() -> copy(c, s, up));
                    pump.start();
                    copy(s, c, down);
                    pump.join(10_000);
                } catch (Exception ignored) {
                    // the assertions on the captured bytes say what went wrong
                }
            });
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void join() throws Exception {
            thread.join(20_000);
            listener.close();
        }

        byte[] clientToServer() {
            synchronized (up) {
                return up.toByteArray();
            }
        }

        byte[] serverToClient() {
            synchronized (down) {
                return down.toByteArray();
            }
        }

        private static void copy(Socket from, Socket to, ByteArrayOutputStream record) {
            byte[] buf = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (record) {
                        record.write(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException ignored) {
                // connection over
            }
        }
    }

    private static String jdkClientGet(int port, String suite) throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(null, new TrustManager[] {trustAll}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(new String[] {suite});
            s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = s.getInputStream().read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                }
            } catch (javax.net.ssl.SSLException closedWithoutNotify) {
                // s_server -www may close without close_notify; what arrived is enough
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cmd.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("cmd.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("openssl s_server exited");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("openssl s_server did not listen on " + port);
    }
}
