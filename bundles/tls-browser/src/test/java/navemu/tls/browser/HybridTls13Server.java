package navemu.tls.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.crypto.EphemeralKeyExchange;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.CertificateEntry;
import navemu.tls.core.handshake.CertificateMessage;
import navemu.tls.core.handshake.CertificateVerify;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.CompressedCertificate;
import navemu.tls.core.handshake.EncryptedExtensions;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.Finished;
import navemu.tls.core.handshake.HandshakeAssembler;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.keyschedule.EarlySecret;
import navemu.tls.core.keyschedule.HandshakeSecret;
import navemu.tls.core.keyschedule.MasterSecret;
import navemu.tls.core.keyschedule.TrafficSecret;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.RecordLayer;
import navemu.tls.core.record.Tls13RecordProtection;
import navemu.tls.core.record.TlsRecord;
import navemu.tls.core.testing.TestPki;

/**
 * A TLS 1.3 server on loopback that speaks the hybrid group X25519MLKEM768 from the server's
 * side (Bouncy Castle's ML-KEM encapsulation beside X25519, the draft's order: ciphertext first,
 * secret ML-KEM first), for the browser client's end-to-end tests: it picks the first of its
 * groups the client sent a share for, or asks for one by HelloRetryRequest, and can send its
 * certificate as a brotli CompressedCertificate (RFC 8879). It serves one connection, answers
 * one HTTP request with "ok", and keeps each ClientHello it received.
 */
final class HybridTls13Server implements AutoCloseable {
    private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;

    private final ServerSocket listener;
    private final TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
    private final List<NamedGroup> groups;
    private final NamedGroup retryWith;
    private final boolean compressCertificate;
    private final SecureRandom random = new SecureRandom();
    final List<ClientHello> clientHellos = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The legacy_record_version of each handshake record the client sent, in order. */
    final List<Integer> clientHandshakeRecordVersions = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> outcome = new CompletableFuture<>();
    /** An encrypted_client_hello extension body (retry_configs) to put into EncryptedExtensions, or null. */
    volatile byte[] echRetryConfigs;
    /** The ALPN protocol to select when the client offers ALPN, or null to select none. */
    volatile String alpnAnswer = "http/1.1";
    /**
     * The server's ALPS settings (draft-vvv-tls-alps) to put into EncryptedExtensions, or null for
     * no ALPS; with them the server expects the client's EncryptedExtensions before its Finished.
     */
    volatile byte[] alpsAnswer;
    /** The codepoint the ALPS answer goes under: Chrome's new one, or the old 17513 a server may still use. */
    volatile int alpsCodepoint = ExtensionType.APPLICATION_SETTINGS;
    /** The client's EncryptedExtensions, when it sent one. */
    volatile EncryptedExtensions clientEncryptedExtensions;

    /**
     * @param groups              the server's groups, most preferred first
     * @param retryWith           a group to ask for by HelloRetryRequest, or null to answer at once
     * @param compressCertificate send CompressedCertificate (brotli) when the client offers it
     */
    HybridTls13Server(List<NamedGroup> groups, NamedGroup retryWith, boolean compressCertificate) throws IOException {
        this.groups = groups;
        this.retryWith = retryWith;
        this.compressCertificate = compressCertificate;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::serveOne, "hybrid-tls13-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** "served", or what went wrong on the server's side. */
    String outcome() throws Exception {
        return outcome.get(20, TimeUnit.SECONDS);
    }

    private void serveOne() {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(10_000);
            RecordLayer records = new RecordLayer(socket.getInputStream(), socket.getOutputStream());
            records.dropChangeCipherSpec(true);
            serve(records);
            outcome.complete("served");
        } catch (Exception e) {
            outcome.complete("server failed: " + e);
        }
    }

    private void serve(RecordLayer records) throws Exception {
        HandshakeAssembler assembler = new HandshakeAssembler();
        TranscriptHash transcript = new TranscriptHash();
        HandshakeMessage chMessage = readHandshake(records, assembler);
        ClientHello ch = ClientHello.decode(chMessage.body());
        clientHellos.add(ch);
        transcript.add(chMessage);
        transcript.useHash(SUITE.hash());
        if (retryWith != null) {
            HandshakeMessage hrr = new ServerHello(0x0303, ServerHello.HELLO_RETRY_REQUEST_RANDOM, ch.legacySessionId(), SUITE.code(), 0,
                    List.of(Extensions.selectedVersion(0x0304), Extensions.keyShareHelloRetryRequest(retryWith.code()))).toMessage();
            transcript.replaceWithMessageHash();
            transcript.add(hrr);
            records.write(ContentType.HANDSHAKE, hrr.encode());
            records.flush();
            chMessage = readHandshake(records, assembler);
            ch = ClientHello.decode(chMessage.body());
            clientHellos.add(ch);
            transcript.add(chMessage);
        }

        List<KeyShareEntry> offered = Extensions.decodeKeyShareClientHello(ch.extension(ExtensionType.KEY_SHARE).data());
        KeyShareEntry chosen = null;
        for (NamedGroup g : groups) {
            chosen = offered.stream().filter(e -> e.group() == g.code()).findFirst().orElse(null);
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            throw new IOException("no key share for any of " + groups);
        }
        NamedGroup group = NamedGroup.of(chosen.group());
        byte[][] answer = group.isHybrid() ? hybridAnswer(chosen.keyExchange()) : diffieHellmanAnswer(group, chosen.keyExchange());
        byte[] serverRandom = new byte[32];
        random.nextBytes(serverRandom);
        HandshakeMessage sh = new ServerHello(0x0303, serverRandom, ch.legacySessionId(), SUITE.code(), 0, List.of(
                Extensions.selectedVersion(0x0304),
                Extensions.keyShareServerHello(new KeyShareEntry(chosen.group(), answer[0])))).toMessage();
        records.write(ContentType.HANDSHAKE, sh.encode());
        transcript.add(sh);

        HandshakeSecret hs = EarlySecret.withoutPsk(SUITE.hash()).handshakeSecret(answer[1]);
        byte[] helloHash = transcript.current();
        TrafficSecret clientHs = hs.clientHandshakeTrafficSecret(helloHash);
        TrafficSecret serverHs = hs.serverHandshakeTrafficSecret(helloHash);
        records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverHs.trafficKeys(SUITE.aead())));
        records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientHs.trafficKeys(SUITE.aead())));

        List<Extension> eeExtensions = new ArrayList<>();
        if (ch.extension(ExtensionType.ALPN) != null && alpnAnswer != null) {
            eeExtensions.add(Extensions.alpn(List.of(alpnAnswer)));
        }
        byte[] alps = alpsAnswer;
        if (alps != null) {
            eeExtensions.add(new Extension(alpsCodepoint, alps));
        }
        if (echRetryConfigs != null) {
            eeExtensions.add(new Extension(ExtensionType.ENCRYPTED_CLIENT_HELLO, echRetryConfigs));
        }
        HandshakeMessage ee = new EncryptedExtensions(eeExtensions).toMessage();
        byte[] certificateBody = new CertificateMessage(new byte[0], List.of(
                new CertificateEntry(pki.leaf.getEncoded(), List.of()), new CertificateEntry(pki.root.getEncoded(), List.of()))).encode();
        HandshakeMessage cert = compressCertificate && ch.extension(27) != null
                ? new CompressedCertificate(2, certificateBody.length, storedBrotli(certificateBody)).toMessage()
                : HandshakeMessage.of(HandshakeType.CERTIFICATE, certificateBody);
        transcript.add(ee);
        transcript.add(cert); // RFC 8879 §4: the transcript takes the message as sent
        byte[] signature = SignatureScheme.ECDSA_SECP256R1_SHA256.sign(PrivateKeyFactory.createKey(pki.leafKeys.getPrivate().getEncoded()),
                CertificateVerify.signedContent(true, transcript.current()), random);
        HandshakeMessage cv = new CertificateVerify(SignatureScheme.ECDSA_SECP256R1_SHA256.code(), signature).toMessage();
        transcript.add(cv);
        HandshakeMessage fin = new Finished(serverHs.verifyData(transcript.current())).toMessage();
        transcript.add(fin);
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        for (HandshakeMessage m : List.of(ee, cert, cv, fin)) {
            flight.writeBytes(m.encode());
        }
        records.write(ContentType.HANDSHAKE, flight.toByteArray());
        records.flush();

        MasterSecret master = hs.masterSecret();
        byte[] serverFinishedHash = transcript.current();
        TrafficSecret clientAp = master.clientApplicationTrafficSecret(serverFinishedHash);
        TrafficSecret serverAp = master.serverApplicationTrafficSecret(serverFinishedHash);
        HandshakeMessage clientFinished = readHandshake(records, assembler);
        if (alps != null) {
            // draft-vvv-tls-alps: the client's EncryptedExtensions, under its handshake key, in the transcript.
            if (clientFinished.type() != HandshakeType.ENCRYPTED_EXTENSIONS) {
                throw new IOException("expected the client's EncryptedExtensions (ALPS), got " + clientFinished.name());
            }
            clientEncryptedExtensions = EncryptedExtensions.decode(clientFinished.body());
            transcript.add(clientFinished);
            clientFinished = readHandshake(records, assembler);
        }
        if (clientFinished.type() != HandshakeType.FINISHED
                || !Arrays.equals(Finished.decode(clientFinished.body()).verifyData(), clientHs.verifyData(transcript.current()))) {
            throw new IOException("the client's Finished is missing or wrong");
        }
        records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientAp.trafficKeys(SUITE.aead())));
        records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverAp.trafficKeys(SUITE.aead())));
        records.dropChangeCipherSpec(false);
        TlsRecord request = records.read();
        if (request.type() != ContentType.APPLICATION_DATA) {
            throw new IOException("expected the request, got " + request.type());
        }
        records.write(ContentType.APPLICATION_DATA, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        records.writeAlert(AlertDescription.LEVEL_WARNING, AlertDescription.CLOSE_NOTIFY);
        records.flush();
    }

    /** The server's X25519MLKEM768 share and the 64-byte secret (draft-ietf-tls-ecdhe-mlkem: ML-KEM first in both). */
    private byte[][] hybridAnswer(byte[] clientShare) throws Exception {
        if (clientShare.length != 1216) {
            throw new IOException("hybrid client share of " + clientShare.length + " bytes");
        }
        MLKEMPublicKeyParameters ek = new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, Arrays.copyOfRange(clientShare, 0, 1184));
        SecretWithEncapsulation kem = new MLKEMGenerator(random).generateEncapsulated(ek);
        X25519PrivateKeyParameters x = new X25519PrivateKeyParameters(random);
        byte[] xSecret = new byte[32];
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(x);
        agreement.calculateAgreement(new X25519PublicKeyParameters(clientShare, 1184), xSecret, 0);
        return new byte[][] {concat(kem.getEncapsulation(), x.generatePublicKey().getEncoded()), concat(kem.getSecret(), xSecret)};
    }

    private byte[][] diffieHellmanAnswer(NamedGroup group, byte[] clientShare) throws Exception {
        EphemeralKeyExchange kx = EphemeralKeyExchange.generate(group, random);
        return new byte[][] {kx.publicKey(), kx.sharedSecret(clientShare)};
    }

    /**
     * {@code data} as a valid brotli stream of uncompressed meta-blocks (RFC 7932 §9.2: WBITS 16,
     * then per block ISLAST=0, MNIBBLES=4, MLEN-1, ISUNCOMPRESSED=1, padding, the bytes; then an
     * empty last block). No brotli encoder is needed for a decoder to have something real to read.
     */
    static byte[] storedBrotli(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (int at = 0; at < data.length; at += 16384) {
            int len = Math.min(16384, data.length - at);
            long bits = 0;
            int n = 0;
            if (first) {
                n = 1; // WBITS: a single 0 bit means a 64 KiB window
                first = false;
            }
            // ISLAST=0 (1 bit), MNIBBLES=0 i.e. four nibbles (2 bits), MLEN-1 (16 bits), ISUNCOMPRESSED=1 (1 bit)
            bits |= ((long) (len - 1)) << (n + 3);
            bits |= 1L << (n + 19);
            n += 20;
            for (int i = 0; i < (n + 7) / 8; i++) {
                out.write((int) (bits >>> (8 * i)) & 0xff);
            }
            out.write(data, at, len);
        }
        out.write(0x03); // ISLAST=1, ISLASTEMPTY=1
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private HandshakeMessage readHandshake(RecordLayer records, HandshakeAssembler assembler) throws IOException {
        while (true) {
            HandshakeMessage m = assembler.next();
            if (m != null) {
                return m;
            }
            TlsRecord r = records.read();
            if (r.type() == ContentType.ALERT && r.fragment().length == 2) {
                throw new IOException("the client sent the alert " + AlertDescription.of(r.fragment()[1] & 0xff));
            }
            if (r.type() != ContentType.HANDSHAKE) {
                throw new IOException("expected a handshake record, got " + r.type());
            }
            clientHandshakeRecordVersions.add(r.legacyVersion());
            assembler.add(r.fragment());
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
