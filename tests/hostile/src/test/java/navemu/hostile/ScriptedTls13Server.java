package navemu.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

import navemu.tls.core.alert.Alert;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.crypto.EphemeralKeyExchange;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.CertificateEntry;
import navemu.tls.core.handshake.CertificateMessage;
import navemu.tls.core.handshake.CertificateVerify;
import navemu.tls.core.handshake.ClientHello;
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

/**
 * A TLS 1.3 server on loopback written from our own codecs, for the rules of the encrypted
 * flight that no proxy can break without the keys: it serves one connection honestly (x25519,
 * TLS_AES_128_GCM_SHA256, the test PKI's ECDSA P-256 certificate) except for the one
 * {@link Break} it is given — every transcript hash, signature and Finished is computed over what
 * it really sent, so exactly one rule is broken — and reports the alert the client answered with.
 */
final class ScriptedTls13Server implements AutoCloseable {

    enum Break {
        NONE,
        /** CertificateVerify labelled ecdsa_sha1, never offered (RFC 8446 §4.4.3). */
        CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED,
        /** CertificateVerify labelled rsa_pkcs1_sha256: offered for certificates only (§4.2.3). */
        CERTIFICATE_VERIFY_PKCS1,
        /** An ECDSA signature labelled rsa_pss_rsae_sha256, a scheme that does not fit the certificate's key. */
        CERTIFICATE_VERIFY_SCHEME_FOR_ANOTHER_KEY,
        /** A Certificate message without any certificate (§4.4.2.4). */
        EMPTY_CERTIFICATE,
        /** A server Certificate whose certificate_request_context is not empty (§4.4.2). */
        CERTIFICATE_REQUEST_CONTEXT,
        /** Finished with verify_data one byte short (§4.4.4). */
        FINISHED_WRONG_LENGTH,
        /** After the handshake, KeyUpdate with request_update = 2 (§4.6.3). */
        KEY_UPDATE_INVALID_VALUE
    }

    private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;

    private final ServerSocket listener;
    private final navemu.tls.core.testing.TestPki pki;
    private final Break rule;
    private final SecureRandom random = new SecureRandom();
    private final CompletableFuture<AlertDescription> alertFromClient = new CompletableFuture<>();

    ScriptedTls13Server(navemu.tls.core.testing.TestPki pki, Break rule) throws IOException {
        this.pki = pki;
        this.rule = rule;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::serveOne, "scripted-tls13-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The alert the client sent (null: none, it just closed). */
    AlertDescription alertFromClient() throws Exception {
        return alertFromClient.get(10, TimeUnit.SECONDS);
    }

    private void serveOne() {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(8000);
            RecordLayer records = new RecordLayer(socket.getInputStream(), socket.getOutputStream());
            records.dropChangeCipherSpec(true);
            script(records);
        } catch (Exception e) {
            alertFromClient.complete(null);
        }
    }

    private void script(RecordLayer records) throws Exception {
        HandshakeAssembler assembler = new HandshakeAssembler();
        HandshakeMessage chMessage = readHandshake(records, assembler);
        ClientHello ch = ClientHello.decode(chMessage.body());
        TranscriptHash transcript = new TranscriptHash();
        transcript.add(chMessage);

        KeyShareEntry clientShare = Extensions.decodeKeyShareClientHello(ch.extension(ExtensionType.KEY_SHARE).data())
                .stream().filter(e -> e.group() == NamedGroup.X25519.code()).findFirst().orElseThrow();
        EphemeralKeyExchange kx = EphemeralKeyExchange.generate(NamedGroup.X25519, random);
        byte[] serverRandom = new byte[32];
        random.nextBytes(serverRandom);
        HandshakeMessage sh = new ServerHello(0x0303, serverRandom, ch.legacySessionId(), SUITE.code(), 0, List.of(
                Extensions.selectedVersion(0x0304),
                Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.X25519.code(), kx.publicKey())))).toMessage();
        records.write(ContentType.HANDSHAKE, sh.encode());
        transcript.add(sh);
        transcript.useHash(SUITE.hash());

        HandshakeSecret hs = EarlySecret.withoutPsk(SUITE.hash()).handshakeSecret(kx.sharedSecret(clientShare.keyExchange()));
        byte[] helloHash = transcript.current();
        TrafficSecret clientHs = hs.clientHandshakeTrafficSecret(helloHash);
        TrafficSecret serverHs = hs.serverHandshakeTrafficSecret(helloHash);
        records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverHs.trafficKeys(SUITE.aead())));
        records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientHs.trafficKeys(SUITE.aead())));

        List<Extension> eeExtensions = new ArrayList<>();
        if (ch.extension(ExtensionType.ALPN) != null) {
            eeExtensions.add(Extensions.alpn(List.of("http/1.1")));
        }
        HandshakeMessage ee = new EncryptedExtensions(eeExtensions).toMessage();
        List<CertificateEntry> chain = rule == Break.EMPTY_CERTIFICATE ? List.of() : List.of(
                new CertificateEntry(pki.leaf.getEncoded(), List.of()), new CertificateEntry(pki.root.getEncoded(), List.of()));
        byte[] context = rule == Break.CERTIFICATE_REQUEST_CONTEXT ? new byte[] {7} : new byte[0];
        HandshakeMessage cert = new CertificateMessage(context, chain).toMessage();
        transcript.add(ee);
        transcript.add(cert);
        AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pki.leafKeys.getPrivate().getEncoded());
        byte[] signature = SignatureScheme.ECDSA_SECP256R1_SHA256.sign(key,
                CertificateVerify.signedContent(true, transcript.current()), random);
        int scheme = switch (rule) {
            case CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED -> 0x0203; // ecdsa_sha1
            case CERTIFICATE_VERIFY_PKCS1 -> SignatureScheme.RSA_PKCS1_SHA256.code();
            case CERTIFICATE_VERIFY_SCHEME_FOR_ANOTHER_KEY -> SignatureScheme.RSA_PSS_RSAE_SHA256.code();
            default -> SignatureScheme.ECDSA_SECP256R1_SHA256.code();
        };
        HandshakeMessage cv = new CertificateVerify(scheme, signature).toMessage();
        transcript.add(cv);
        byte[] verifyData = serverHs.verifyData(transcript.current());
        if (rule == Break.FINISHED_WRONG_LENGTH) {
            verifyData = java.util.Arrays.copyOf(verifyData, verifyData.length - 1);
        }
        HandshakeMessage fin = new Finished(verifyData).toMessage();
        transcript.add(fin);
        records.write(ContentType.HANDSHAKE, RecordMutation.concat(ee.encode(), cert.encode(), cv.encode(), fin.encode()));
        records.flush();

        MasterSecret master = hs.masterSecret();
        byte[] serverFinishedHash = transcript.current();
        TrafficSecret clientAp = master.clientApplicationTrafficSecret(serverFinishedHash);
        TrafficSecret serverAp = master.serverApplicationTrafficSecret(serverFinishedHash);
        HandshakeMessage clientFinished = readHandshake(records, assembler);
        if (clientFinished.type() != HandshakeType.FINISHED) {
            throw new IOException("expected the client's Finished, got " + clientFinished.name());
        }
        records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientAp.trafficKeys(SUITE.aead())));
        records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverAp.trafficKeys(SUITE.aead())));
        records.dropChangeCipherSpec(false);
        if (rule == Break.KEY_UPDATE_INVALID_VALUE) {
            records.write(ContentType.HANDSHAKE, HandshakeMessage.of(HandshakeType.KEY_UPDATE, new byte[] {2}).encode());
            records.flush();
        } else {
            records.write(ContentType.APPLICATION_DATA, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            records.writeAlert(AlertDescription.LEVEL_WARNING, AlertDescription.CLOSE_NOTIFY);
            records.flush();
        }
        awaitAlert(records);
    }

    /** Reads until the client's alert (or its end): the answer to whatever was broken. */
    private void awaitAlert(RecordLayer records) {
        try {
            while (true) {
                TlsRecord r = records.read();
                if (r.type() == ContentType.ALERT) {
                    alertFromClient.complete(Alert.decode(r.fragment()).description());
                    return;
                }
            }
        } catch (IOException e) {
            alertFromClient.complete(null);
        }
    }

    private HandshakeMessage readHandshake(RecordLayer records, HandshakeAssembler assembler) throws IOException {
        while (true) {
            HandshakeMessage m = assembler.next();
            if (m != null) {
                return m;
            }
            TlsRecord r = records.read();
            if (r.type() == ContentType.ALERT) {
                alertFromClient.complete(Alert.decode(r.fragment()).description());
                throw new IOException("the client sent an alert");
            }
            if (r.type() != ContentType.HANDSHAKE) {
                throw new IOException("expected a handshake record, got " + r.type());
            }
            assembler.add(r.fragment());
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
