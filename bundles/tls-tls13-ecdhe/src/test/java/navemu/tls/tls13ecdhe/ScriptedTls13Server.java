package navemu.tls.tls13ecdhe;

import navemu.tls.core.testing.DerMutation;
import navemu.tls.core.testing.TestPki;
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
import navemu.tls.core.handshake.CertificateRequest;
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
import navemu.tls.core.handshake.KeyUpdate;
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
import navemu.tls.core.wire.WireWriter;

/**
 * A TLS 1.3 server on loopback, scripted from our own codecs, that can break one rule on
 * purpose. It serves one connection, then reports which alert the client sent it (if any).
 * x25519, TLS_AES_128_GCM_SHA256, an ECDSA P-256 certificate.
 */
final class ScriptedTls13Server implements AutoCloseable {

    enum Misbehaviour {
        NONE,
        TAMPERED_FINISHED,
        BAD_CERTIFICATE_VERIFY_SIGNATURE,
        CERTIFICATE_BEFORE_ENCRYPTED_EXTENSIONS,
        TRUNCATED_RECORD,
        OVERSIZED_RECORD,
        CLOSE_AFTER_SERVER_HELLO,
        SILENT,
        UNOFFERED_CIPHER_SUITE,
        TLS12_SERVER_HELLO,
        /** After the handshake: KeyUpdate(update_requested), then the response under new keys. */
        KEY_UPDATE_REQUESTED,
        /** After the handshake: an oversized encrypted record (2^14+257 bytes). */
        OVERSIZED_ENCRYPTED_RECORD,
        /** Application data where the server's Finished should be. */
        APPLICATION_DATA_BEFORE_FINISHED,
        /** After the handshake: a change_cipher_spec record, no longer harmless then (RFC 8446 §5). */
        CHANGE_CIPHER_SPEC_AFTER_FINISHED,
        /** The compatibility change_cipher_spec after ServerHello (RFC 8446 §D.4): allowed, dropped. */
        MIDDLEBOX_CHANGE_CIPHER_SPEC,
        /** After the handshake: an unprotected close_notify, as anyone on the path could send. */
        PLAINTEXT_CLOSE_NOTIFY_AFTER_HANDSHAKE,
        /** After the handshake: KeyUpdate(update_not_requested), then an unprotected close_notify. */
        PLAINTEXT_CLOSE_NOTIFY_AFTER_KEY_UPDATE,
        /** An encrypted handshake record with no content between EncryptedExtensions and Certificate. */
        EMPTY_ENCRYPTED_HANDSHAKE_RECORD,
        /** An encrypted user_canceled alert between two fragments of the server's flight. */
        ALERT_INSIDE_FRAGMENTED_MESSAGE,
        /** After the handshake: five user_canceled alerts in a row, then close_notify. */
        FIVE_USER_CANCELED_AFTER_HANDSHAKE,
        /** After the handshake: an encrypted alert of level warning that TLS 1.3 treats as an error. */
        WARNING_ALERT_AFTER_HANDSHAKE,
        /** The leaf's subject CN holds invalid UTF-8 (a fuzzer's mutation of real DER). */
        LEAF_SUBJECT_INVALID_UTF8,
        /** The leaf's subject CN attribute type is not an OBJECT IDENTIFIER. */
        LEAF_SUBJECT_TYPE_NOT_AN_OID,
        /** EncryptedExtensions carries key_share: offered in the ClientHello, not allowed in EE (RFC 8446 §4.2). */
        ENCRYPTED_EXTENSIONS_WITH_KEY_SHARE,
        /** EncryptedExtensions carries max_fragment_length, which the client never offered. */
        ENCRYPTED_EXTENSIONS_WITH_UNOFFERED_EXTENSION,
        /** EncryptedExtensions acknowledges server_name with a non-empty body. */
        ENCRYPTED_EXTENSIONS_SERVER_NAME_NOT_EMPTY,
        /** One byte after EncryptedExtensions' extension list. */
        ENCRYPTED_EXTENSIONS_TRAILING_BYTE,
        /** A CertificateRequest with a non-empty certificate_request_context in the main handshake. */
        CERTIFICATE_REQUEST_WITH_CONTEXT,
        /** A CertificateRequest without the mandatory signature_algorithms extension. */
        CERTIFICATE_REQUEST_WITHOUT_SIGNATURE_ALGORITHMS,
        /**
         * Resumes the client's ticket ({@link #TICKET_PSK}, made under TLS_AES_128_GCM_SHA256) and
         * accepts its early data, but under TLS_CHACHA20_POLY1305_SHA256 (same hash, so the PSK fits).
         */
        EARLY_DATA_ACCEPTED_UNDER_ANOTHER_SUITE,
        /** Resumes the ticket and accepts its early data, selecting ALPN http/1.1 whatever the ticket had. */
        EARLY_DATA_ACCEPTED_WITH_ANOTHER_ALPN
    }

    /** The resumption PSK of the ticket a test stores for the EARLY_DATA_* misbehaviours. */
    static final byte[] TICKET_PSK = new byte[32];

    static {
        Arrays.fill(TICKET_PSK, (byte) 0x5a);
    }

    /** What the server saw: the alert the client sent (null: none), and what came after the handshake. */
    record Outcome(AlertDescription alertFromClient, boolean clientClosed, String request, boolean clientKeyUpdate,
                   boolean closeNotifyFromClient, String error) {
    }

    private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;

    private final ServerSocket listener;
    private final TestPki pki;
    private final Misbehaviour misbehaviour;
    private final SecureRandom random = new SecureRandom();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    ScriptedTls13Server(TestPki pki, Misbehaviour misbehaviour) throws IOException {
        this.pki = pki;
        this.misbehaviour = misbehaviour;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::serveOne, "scripted-tls13-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    Outcome outcome() throws Exception {
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void serveOne() {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(8000);
            RecordLayer records = new RecordLayer(socket.getInputStream(), socket.getOutputStream());
            records.dropChangeCipherSpec(true);
            outcome.complete(script(socket, records));
        } catch (ClientAlert a) {
            outcome.complete(new Outcome(a.alert.description(), false, null, false, a.alert.isCloseNotify(), null));
        } catch (Exception e) {
            outcome.complete(new Outcome(null, false, null, false, false, e.toString()));
        }
    }

    private Outcome script(Socket socket, RecordLayer records) throws Exception {
        HandshakeAssembler assembler = new HandshakeAssembler();
        HandshakeMessage chMessage = readHandshake(records, assembler);
        ClientHello ch = ClientHello.decode(chMessage.body());
        TranscriptHash transcript = new TranscriptHash();
        transcript.add(chMessage);

        if (misbehaviour == Misbehaviour.SILENT) {
            return afterMisbehaviour(records);
        }
        if (misbehaviour == Misbehaviour.TRUNCATED_RECORD) {
            socket.getOutputStream().write(new byte[] {22, 3, 3, 0, 90, 2, 0, 0, 86, 3, 3});
            socket.shutdownOutput();
            return afterMisbehaviour(records);
        }
        if (misbehaviour == Misbehaviour.OVERSIZED_RECORD) {
            byte[] big = new byte[TlsRecord.MAX_PLAINTEXT + 1];
            big[0] = 2;
            socket.getOutputStream().write(new TlsRecord(ContentType.HANDSHAKE, 0x0303, big).encode());
            return afterMisbehaviour(records);
        }

        KeyShareEntry clientShare = Extensions.decodeKeyShareClientHello(ch.extension(ExtensionType.KEY_SHARE).data())
                .stream().filter(e -> e.group() == NamedGroup.X25519.code()).findFirst().orElseThrow();
        if (misbehaviour.name().startsWith("EARLY_DATA_ACCEPTED_")) {
            return acceptEarlyDataBadly(records, chMessage, clientShare);
        }
        EphemeralKeyExchange kx = EphemeralKeyExchange.generate(NamedGroup.X25519, random);
        byte[] serverRandom = new byte[32];
        random.nextBytes(serverRandom);
        List<Extension> shExt = new ArrayList<>();
        int suiteCode = SUITE.code();
        if (misbehaviour == Misbehaviour.UNOFFERED_CIPHER_SUITE) {
            suiteCode = 0x1304; // TLS_AES_128_CCM_SHA256: never offered by our client
        }
        if (misbehaviour != Misbehaviour.TLS12_SERVER_HELLO) {
            shExt.add(Extensions.selectedVersion(0x0304));
        }
        shExt.add(Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.X25519.code(), kx.publicKey())));
        ServerHello sh = new ServerHello(0x0303, serverRandom, ch.legacySessionId(), suiteCode, 0, shExt);
        HandshakeMessage shMessage = sh.toMessage();
        records.write(ContentType.HANDSHAKE, shMessage.encode());
        records.flush();
        transcript.add(shMessage);
        transcript.useHash(SUITE.hash());
        if (misbehaviour == Misbehaviour.MIDDLEBOX_CHANGE_CIPHER_SPEC) {
            records.writeChangeCipherSpec();
            records.flush();
        }
        if (misbehaviour == Misbehaviour.CLOSE_AFTER_SERVER_HELLO) {
            socket.close();
            return new Outcome(null, true, null, false, false, null);
        }
        if (misbehaviour == Misbehaviour.UNOFFERED_CIPHER_SUITE || misbehaviour == Misbehaviour.TLS12_SERVER_HELLO) {
            return afterMisbehaviour(records);
        }

        HandshakeSecret hs = EarlySecret.withoutPsk(SUITE.hash()).handshakeSecret(kx.sharedSecret(clientShare.keyExchange()));
        byte[] helloHash = transcript.current();
        TrafficSecret clientHs = hs.clientHandshakeTrafficSecret(helloHash);
        TrafficSecret serverHs = hs.serverHandshakeTrafficSecret(helloHash);
        records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverHs.trafficKeys(SUITE.aead())));
        records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientHs.trafficKeys(SUITE.aead())));

        List<Extension> eeExt = new ArrayList<>();
        if (ch.extension(ExtensionType.ALPN) != null) {
            eeExt.add(Extensions.alpn(List.of("http/1.1")));
        }
        if (misbehaviour == Misbehaviour.ENCRYPTED_EXTENSIONS_WITH_KEY_SHARE) {
            eeExt.add(Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.X25519.code(), kx.publicKey())));
        } else if (misbehaviour == Misbehaviour.ENCRYPTED_EXTENSIONS_WITH_UNOFFERED_EXTENSION) {
            eeExt.add(new Extension(ExtensionType.MAX_FRAGMENT_LENGTH, new byte[] {4}));
        } else if (misbehaviour == Misbehaviour.ENCRYPTED_EXTENSIONS_SERVER_NAME_NOT_EMPTY) {
            eeExt.add(Extensions.serverName(TestPki.HOST));
        }
        HandshakeMessage ee = new EncryptedExtensions(eeExt).toMessage();
        if (misbehaviour == Misbehaviour.ENCRYPTED_EXTENSIONS_TRAILING_BYTE) {
            ee = HandshakeMessage.of(HandshakeType.ENCRYPTED_EXTENSIONS, concat(ee.body(), new byte[] {0}));
        }
        if (misbehaviour.name().startsWith("ENCRYPTED_EXTENSIONS_")) {
            records.write(ContentType.HANDSHAKE, ee.encode());
            records.flush();
            return afterMisbehaviour(records);
        }
        if (misbehaviour.name().startsWith("CERTIFICATE_REQUEST_")) {
            boolean withContext = misbehaviour == Misbehaviour.CERTIFICATE_REQUEST_WITH_CONTEXT;
            List<Extension> crExt = withContext
                    ? List.of(Extensions.signatureAlgorithms(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256.code())))
                    : List.of(new Extension(ExtensionType.CERTIFICATE_AUTHORITIES, new byte[] {0, 0}));
            HandshakeMessage cr = new CertificateRequest(withContext ? new byte[] {7} : new byte[0], crExt, List.of()).toMessage();
            records.write(ContentType.HANDSHAKE, concat(ee.encode(), cr.encode()));
            records.flush();
            return afterMisbehaviour(records);
        }
        byte[] leafDer = pki.leaf.getEncoded();
        if (misbehaviour == Misbehaviour.LEAF_SUBJECT_INVALID_UTF8) {
            leafDer = DerMutation.subjectCnInvalidUtf8(leafDer, TestPki.HOST);
        } else if (misbehaviour == Misbehaviour.LEAF_SUBJECT_TYPE_NOT_AN_OID) {
            leafDer = DerMutation.subjectCnTypeNotAnOid(leafDer, TestPki.HOST);
        }
        HandshakeMessage cert = new CertificateMessage(new byte[0], List.of(
                new CertificateEntry(leafDer, List.of()),
                new CertificateEntry(pki.root.getEncoded(), List.of()))).toMessage();
        if (misbehaviour == Misbehaviour.CERTIFICATE_BEFORE_ENCRYPTED_EXTENSIONS) {
            records.write(ContentType.HANDSHAKE, cert.encode());
            records.write(ContentType.HANDSHAKE, ee.encode());
            records.flush();
            return afterMisbehaviour(records);
        }
        transcript.add(ee);
        transcript.add(cert);
        AsymmetricKeyParameter signingKey = PrivateKeyFactory.createKey(pki.leafKeys.getPrivate().getEncoded());
        byte[] signature = SignatureScheme.ECDSA_SECP256R1_SHA256.sign(signingKey,
                CertificateVerify.signedContent(true, transcript.current()), random);
        if (misbehaviour == Misbehaviour.BAD_CERTIFICATE_VERIFY_SIGNATURE) {
            // Sign something else: a well-formed signature that does not match the transcript.
            signature = SignatureScheme.ECDSA_SECP256R1_SHA256.sign(signingKey,
                    CertificateVerify.signedContent(true, new byte[32]), random);
        }
        HandshakeMessage cv = new CertificateVerify(SignatureScheme.ECDSA_SECP256R1_SHA256.code(), signature).toMessage();
        transcript.add(cv);
        byte[] verifyData = serverHs.verifyData(transcript.current());
        if (misbehaviour == Misbehaviour.TAMPERED_FINISHED) {
            verifyData[0] ^= 1;
        }
        if (misbehaviour == Misbehaviour.APPLICATION_DATA_BEFORE_FINISHED) {
            records.write(ContentType.HANDSHAKE, concat(ee.encode(), cert.encode(), cv.encode()));
            records.write(ContentType.APPLICATION_DATA, "too early".getBytes(StandardCharsets.US_ASCII));
            records.flush();
            return afterMisbehaviour(records);
        }
        HandshakeMessage fin = new Finished(verifyData).toMessage();
        transcript.add(fin);
        byte[] flight = concat(ee.encode(), cert.encode(), cv.encode(), fin.encode());
        if (misbehaviour == Misbehaviour.EMPTY_ENCRYPTED_HANDSHAKE_RECORD) {
            records.write(ContentType.HANDSHAKE, ee.encode());
            records.write(ContentType.HANDSHAKE, new byte[0]);
            records.write(ContentType.HANDSHAKE, concat(cert.encode(), cv.encode(), fin.encode()));
            records.flush();
            return afterMisbehaviour(records);
        }
        if (misbehaviour == Misbehaviour.ALERT_INSIDE_FRAGMENTED_MESSAGE) {
            records.write(ContentType.HANDSHAKE, Arrays.copyOf(flight, ee.encode().length + 10));
            records.write(ContentType.ALERT, new byte[] {AlertDescription.LEVEL_WARNING, (byte) AlertDescription.USER_CANCELED.code()});
            records.write(ContentType.HANDSHAKE, Arrays.copyOfRange(flight, ee.encode().length + 10, flight.length));
            records.flush();
            return afterMisbehaviour(records);
        }
        records.write(ContentType.HANDSHAKE, flight);
        records.flush();
        if (misbehaviour == Misbehaviour.TAMPERED_FINISHED || misbehaviour == Misbehaviour.BAD_CERTIFICATE_VERIFY_SIGNATURE
                || misbehaviour == Misbehaviour.LEAF_SUBJECT_INVALID_UTF8 || misbehaviour == Misbehaviour.LEAF_SUBJECT_TYPE_NOT_AN_OID) {
            return afterMisbehaviour(records);
        }

        MasterSecret master = hs.masterSecret();
        byte[] serverFinishedHash = transcript.current();
        TrafficSecret clientAp = master.clientApplicationTrafficSecret(serverFinishedHash);
        TrafficSecret serverAp = master.serverApplicationTrafficSecret(serverFinishedHash);
        HandshakeMessage clientFinished = readHandshake(records, assembler);
        if (clientFinished.type() != HandshakeType.FINISHED || !clientHs.matches(transcript.current(), clientFinished.body())) {
            throw new IOException("client Finished missing or wrong: " + clientFinished.name());
        }
        records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientAp.trafficKeys(SUITE.aead())));
        records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverAp.trafficKeys(SUITE.aead())));
        records.dropChangeCipherSpec(false);

        if (misbehaviour == Misbehaviour.OVERSIZED_ENCRYPTED_RECORD) {
            socket.getOutputStream().write(new TlsRecord(ContentType.APPLICATION_DATA, 0x0303,
                    new byte[Tls13RecordProtection.MAX_CIPHERTEXT + 1]).encode());
            return afterMisbehaviour(records);
        }
        if (misbehaviour == Misbehaviour.CHANGE_CIPHER_SPEC_AFTER_FINISHED) {
            records.writeChangeCipherSpec();
            records.flush();
            return afterMisbehaviour(records);
        }
        if (misbehaviour == Misbehaviour.PLAINTEXT_CLOSE_NOTIFY_AFTER_KEY_UPDATE) {
            records.write(ContentType.HANDSHAKE, new KeyUpdate(false).toMessage().encode());
            records.flush();
            serverAp = serverAp.next();
            records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverAp.trafficKeys(SUITE.aead())));
        }
        if (misbehaviour == Misbehaviour.PLAINTEXT_CLOSE_NOTIFY_AFTER_HANDSHAKE
                || misbehaviour == Misbehaviour.PLAINTEXT_CLOSE_NOTIFY_AFTER_KEY_UPDATE) {
            socket.getOutputStream().write(new TlsRecord(ContentType.ALERT, 0x0303,
                    new byte[] {AlertDescription.LEVEL_WARNING, (byte) AlertDescription.CLOSE_NOTIFY.code()}).encode());
            return afterMisbehaviour(records);
        }
        if (misbehaviour == Misbehaviour.FIVE_USER_CANCELED_AFTER_HANDSHAKE) {
            for (int i = 0; i < 5; i++) {
                records.write(ContentType.ALERT, new byte[] {AlertDescription.LEVEL_WARNING, (byte) AlertDescription.USER_CANCELED.code()});
            }
            records.writeAlert(AlertDescription.LEVEL_WARNING, AlertDescription.CLOSE_NOTIFY);
            return afterMisbehaviour(records);
        }
        if (misbehaviour == Misbehaviour.WARNING_ALERT_AFTER_HANDSHAKE) {
            records.writeAlert(AlertDescription.LEVEL_WARNING, AlertDescription.UNRECOGNIZED_NAME);
            return afterMisbehaviour(records);
        }
        boolean clientKeyUpdate = false;
        if (misbehaviour == Misbehaviour.KEY_UPDATE_REQUESTED) {
            records.write(ContentType.HANDSHAKE, new KeyUpdate(true).toMessage().encode());
            records.flush();
            serverAp = serverAp.next();
            records.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), serverAp.trafficKeys(SUITE.aead())));
        }
        // The request: application data; in between, the client's KeyUpdate answer if we asked.
        StringBuilder request = new StringBuilder();
        while (!request.toString().contains("\r\n\r\n")) {
            TlsRecord r = records.read();
            if (r.type() == ContentType.APPLICATION_DATA) {
                request.append(new String(r.fragment(), StandardCharsets.ISO_8859_1));
            } else if (r.type() == ContentType.HANDSHAKE) {
                assembler.add(r.fragment());
                HandshakeMessage m = assembler.next();
                if (m != null && m.type() == HandshakeType.KEY_UPDATE && !KeyUpdate.decode(m.body()).updateRequested()) {
                    clientKeyUpdate = true;
                    clientAp = clientAp.next();
                    records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientAp.trafficKeys(SUITE.aead())));
                }
            } else {
                throw new IOException("unexpected " + r.type() + " from the client");
            }
        }
        String body = "scripted hello";
        records.write(ContentType.APPLICATION_DATA, ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        records.writeAlert(AlertDescription.LEVEL_WARNING, AlertDescription.CLOSE_NOTIFY);
        // Our close_notify is out; the client's should follow (RFC 8446 §6.1).
        // The client may answer our KeyUpdate only now, when it reads the response: then its
        // close_notify comes under its new keys, which proves it switched.
        boolean closeNotify = false;
        try {
            while (true) {
                TlsRecord r = records.read();
                if (r.type() == ContentType.HANDSHAKE) {
                    assembler.add(r.fragment());
                    HandshakeMessage m = assembler.next();
                    if (m != null && m.type() == HandshakeType.KEY_UPDATE && !KeyUpdate.decode(m.body()).updateRequested()) {
                        clientKeyUpdate = true;
                        clientAp = clientAp.next();
                        records.setReadProtection(new Tls13RecordProtection(SUITE.aead(), clientAp.trafficKeys(SUITE.aead())));
                    }
                    continue;
                }
                closeNotify = r.type() == ContentType.ALERT && Alert.decode(r.fragment()).isCloseNotify();
                break;
            }
        } catch (IOException eof) {
            closeNotify = false;
        }
        return new Outcome(null, false, request.toString(), clientKeyUpdate, closeNotify, null);
    }

    /**
     * PSK resumption with early data accepted in EncryptedExtensions, but not under the ticket's
     * suite or ALPN. The client's answer comes under its early keys (it has not sent
     * EndOfEarlyData), so that is what we read with.
     */
    private Outcome acceptEarlyDataBadly(RecordLayer records, HandshakeMessage chMessage, KeyShareEntry clientShare)
            throws Exception {
        Tls13CipherSuite ticketSuite = SUITE;
        Tls13CipherSuite suite = misbehaviour == Misbehaviour.EARLY_DATA_ACCEPTED_UNDER_ANOTHER_SUITE
                ? Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256 : SUITE;
        EarlySecret early = EarlySecret.fromPsk(ticketSuite.hash(), TICKET_PSK);
        TrafficSecret clientEarly = early.clientEarlyTrafficSecret(ticketSuite.hash().hash(chMessage.encode()));
        records.setReadProtection(new Tls13RecordProtection(ticketSuite.aead(), clientEarly.trafficKeys(ticketSuite.aead())));

        EphemeralKeyExchange kx = EphemeralKeyExchange.generate(NamedGroup.X25519, random);
        byte[] serverRandom = new byte[32];
        random.nextBytes(serverRandom);
        ClientHello ch = ClientHello.decode(chMessage.body());
        ServerHello sh = new ServerHello(0x0303, serverRandom, ch.legacySessionId(), suite.code(), 0, List.of(
                Extensions.selectedVersion(0x0304),
                Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.X25519.code(), kx.publicKey())),
                new Extension(ExtensionType.PRE_SHARED_KEY, new byte[] {0, 0})));
        HandshakeMessage shMessage = sh.toMessage();
        TranscriptHash transcript = new TranscriptHash();
        transcript.add(chMessage);
        transcript.add(shMessage);
        transcript.useHash(suite.hash());
        HandshakeSecret hs = early.handshakeSecret(kx.sharedSecret(clientShare.keyExchange()));
        TrafficSecret serverHs = hs.serverHandshakeTrafficSecret(transcript.current());
        records.write(ContentType.HANDSHAKE, shMessage.encode());
        records.setWriteProtection(new Tls13RecordProtection(suite.aead(), serverHs.trafficKeys(suite.aead())));
        HandshakeMessage ee = new EncryptedExtensions(List.of(Extensions.earlyData(), Extensions.alpn(List.of("http/1.1")))).toMessage();
        records.write(ContentType.HANDSHAKE, ee.encode());
        records.flush();
        return afterMisbehaviour(records);
    }

    /** After breaking a rule: wait for the client's alert, or for it to close the connection. */
    private Outcome afterMisbehaviour(RecordLayer records) {
        try {
            while (true) {
                TlsRecord r = records.read();
                if (r.type() == ContentType.ALERT) {
                    Alert a = Alert.decode(r.fragment());
                    return new Outcome(a.description(), false, null, false, a.isCloseNotify(), null);
                }
            }
        } catch (IOException e) {
            return new Outcome(null, true, null, false, false, e.toString());
        }
    }

    private static HandshakeMessage readHandshake(RecordLayer records, HandshakeAssembler assembler) throws IOException {
        while (true) {
            HandshakeMessage m = assembler.next();
            if (m != null) {
                return m;
            }
            TlsRecord r = records.read();
            if (r.type() == ContentType.ALERT) {
                throw new ClientAlert(Alert.decode(r.fragment()));
            }
            if (r.type() != ContentType.HANDSHAKE) {
                throw new IOException("expected a handshake record, got " + r.type()
                        + (r.type() == ContentType.ALERT ? " " + Arrays.toString(r.fragment()) : ""));
            }
            assembler.add(r.fragment());
        }
    }

    /** The client sent an alert where the script expected a handshake message. */
    private static final class ClientAlert extends IOException {
        private static final long serialVersionUID = 1L;
        final transient Alert alert;

        ClientAlert(Alert alert) {
            super("client alert " + alert.describe());
            this.alert = alert;
        }
    }

    private static byte[] concat(byte[]... parts) {
        WireWriter w = new WireWriter();
        for (byte[] p : parts) {
            w.bytes(p);
        }
        return w.toByteArray();
    }
}
