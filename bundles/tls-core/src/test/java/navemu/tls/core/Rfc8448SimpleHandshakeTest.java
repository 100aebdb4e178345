package navemu.tls.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import navemu.tls.core.crypto.EphemeralKeyExchange;
import navemu.tls.core.crypto.HashAlgorithm;
import navemu.tls.core.crypto.Hkdf;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.CertificateMessage;
import navemu.tls.core.handshake.CertificateVerify;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.EncryptedExtensions;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.HandshakeAssembler;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.handshake.NewSessionTicket;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.keyschedule.EarlySecret;
import navemu.tls.core.keyschedule.HandshakeSecret;
import navemu.tls.core.keyschedule.MasterSecret;
import navemu.tls.core.keyschedule.ResumptionMasterSecret;
import navemu.tls.core.keyschedule.TrafficSecret;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.RecordLayer;
import navemu.tls.core.record.Tls13RecordProtection;
import navemu.tls.core.record.TlsRecord;
import navemu.tls.core.record.TrafficKeys;

/**
 * RFC 8448 §3 "Simple 1-RTT Handshake", reproduced byte for byte from its fixed inputs: the
 * hellos as parsed, every secret of the key schedule, traffic keys and IVs, the encrypted
 * records in both directions, the CertificateVerify check and both Finished values.
 */
class Rfc8448SimpleHandshakeTest {
    private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
    private static Rfc8448Vectors v;

    // The handshake as the RFC runs it, computed once with our code.
    private static byte[] clientHelloBytes;
    private static byte[] serverHelloBytes;
    private static EarlySecret early;
    private static HandshakeSecret handshake;
    private static TrafficSecret clientHs;
    private static TrafficSecret serverHs;
    private static MasterSecret master;
    private static TranscriptHash transcript;
    private static List<HandshakeMessage> serverFlight;

    @BeforeAll
    static void runTheKeySchedule() throws Exception {
        v = Rfc8448Vectors.load();
        clientHelloBytes = v.s3("client", "construct a ClientHello handshake message", "ClientHello");
        serverHelloBytes = v.s3("server", "construct a ServerHello handshake message", "ServerHello");
        transcript = new TranscriptHash();
        transcript.add(clientHelloBytes);
        transcript.add(serverHelloBytes);
        transcript.useHash(SUITE.hash());

        EphemeralKeyExchange client = EphemeralKeyExchange.x25519(v.s3("client", "create an ephemeral x25519 key pair", "private key"));
        byte[] serverShare = v.s3("server", "create an ephemeral x25519 key pair", "public key");
        early = EarlySecret.withoutPsk(SUITE.hash());
        handshake = early.handshakeSecret(client.sharedSecret(serverShare));
        byte[] helloHash = transcript.current();
        clientHs = handshake.clientHandshakeTrafficSecret(helloHash);
        serverHs = handshake.serverHandshakeTrafficSecret(helloHash);
        master = handshake.masterSecret();

        RecordLayer layer = new RecordLayer(new ByteArrayInputStream(
                v.s3("server", "send handshake record", "complete record (679 octets)")), new ByteArrayOutputStream());
        layer.setReadProtection(new Tls13RecordProtection(SUITE.aead(), serverHs.trafficKeys(SUITE.aead())));
        TlsRecord record = layer.read();
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.add(record.fragment());
        serverFlight = new java.util.ArrayList<>();
        for (HandshakeMessage m; (m = assembler.next()) != null; ) {
            serverFlight.add(m);
        }
    }

    @Test
    void clientHelloParsesAndReencodesByteForByte() throws Exception {
        HandshakeMessage framed = new HandshakeMessage(clientHelloBytes[0], java.util.Arrays.copyOfRange(clientHelloBytes, 4, clientHelloBytes.length));
        ClientHello hello = ClientHello.decode(framed.body());
        assertEquals(0x0303, hello.legacyVersion());
        assertEquals(List.of(0x1301, 0x1303, 0x1302), hello.cipherSuites());
        assertEquals(0, hello.legacySessionId().length);
        assertEquals("server", Extensions.decodeServerName(hello.extension(ExtensionType.SERVER_NAME).data()));
        assertEquals(List.of(0x0304), Extensions.decodeSupportedVersionsOffer(hello.extension(ExtensionType.SUPPORTED_VERSIONS).data()));
        List<KeyShareEntry> shares = Extensions.decodeKeyShareClientHello(hello.extension(ExtensionType.KEY_SHARE).data());
        assertEquals(1, shares.size());
        assertEquals(0x001d, shares.get(0).group());
        assertArrayEquals(v.s3("client", "create an ephemeral x25519 key pair", "public key"), shares.get(0).keyExchange());
        assertArrayEquals(clientHelloBytes, hello.toMessage().encode());
    }

    @Test
    void ourX25519KeyIsTheRfcPublicKey() {
        EphemeralKeyExchange client = EphemeralKeyExchange.x25519(v.s3("client", "create an ephemeral x25519 key pair", "private key"));
        assertArrayEquals(v.s3("client", "create an ephemeral x25519 key pair", "public key"), client.publicKey());
    }

    @Test
    void clientHelloRecordIsTheRfcRecord() throws Exception {
        // The RFC's client writes legacy_record_version 0x0301 for its first ClientHello (§5.1 allows it).
        byte[] expected = v.s3("client", "send handshake record", "complete record (201 octets)");
        byte[] ours = new TlsRecord(ContentType.HANDSHAKE, 0x0301, clientHelloBytes).encode();
        assertArrayEquals(expected, ours);
        assertArrayEquals(clientHelloBytes, v.s3("client", "send handshake record", "payload (196 octets)"));
    }

    @Test
    void serverHelloParsesAndReencodesByteForByte() throws Exception {
        ServerHello sh = ServerHello.decode(java.util.Arrays.copyOfRange(serverHelloBytes, 4, serverHelloBytes.length));
        assertFalse(sh.isHelloRetryRequest());
        assertEquals(0x1301, sh.cipherSuite());
        assertEquals(0x0304, Extensions.decodeSelectedVersion(sh.extension(ExtensionType.SUPPORTED_VERSIONS).data()));
        KeyShareEntry share = Extensions.decodeKeyShareServerHello(sh.extension(ExtensionType.KEY_SHARE).data());
        assertEquals(0x001d, share.group());
        assertArrayEquals(v.s3("server", "create an ephemeral x25519 key pair", "public key"), share.keyExchange());
        assertArrayEquals(serverHelloBytes, sh.toMessage().encode());
    }

    @Test
    void earlySecretWithoutPsk() {
        assertArrayEquals(v.s3("server", "extract secret \"early\"", "secret"), early.secret());
    }

    @Test
    void sharedSecretIsTheHandshakeExtractInput() throws Exception {
        EphemeralKeyExchange client = EphemeralKeyExchange.x25519(v.s3("client", "create an ephemeral x25519 key pair", "private key"));
        assertArrayEquals(v.s3("server", "extract secret \"handshake\"", "IKM"),
                client.sharedSecret(v.s3("server", "create an ephemeral x25519 key pair", "public key")));
    }

    @Test
    void derivedSecretBeforeHandshakeUsesTheExactHkdfLabel() {
        Hkdf hkdf = new Hkdf(HashAlgorithm.SHA256);
        byte[] emptyHash = HashAlgorithm.SHA256.hash(new byte[0]);
        assertArrayEquals(v.s3("server", "derive secret for handshake \"tls13 derived\"", "hash"), emptyHash);
        assertArrayEquals(v.s3("server", "derive secret for handshake \"tls13 derived\"", "info"), Hkdf.hkdfLabel("derived", emptyHash, 32));
        assertArrayEquals(v.s3("server", "derive secret for handshake \"tls13 derived\"", "expanded"),
                hkdf.deriveSecret(early.secret(), "derived", emptyHash));
        assertArrayEquals(v.s3("client", "derive secret for handshake \"tls13 derived\"", "expanded"),
                hkdf.deriveSecret(early.secret(), "derived", emptyHash));
    }

    @Test
    void handshakeSecretAndHandshakeTrafficSecrets() {
        assertArrayEquals(v.s3("server", "extract secret \"handshake\"", "secret"), handshake.secret());
        assertArrayEquals(v.s3("server", "derive secret \"tls13 c hs traffic\"", "hash"), HashAlgorithm.SHA256.hash(concat(clientHelloBytes, serverHelloBytes)));
        assertArrayEquals(v.s3("server", "derive secret \"tls13 c hs traffic\"", "info"),
                Hkdf.hkdfLabel("c hs traffic", v.s3("server", "derive secret \"tls13 c hs traffic\"", "hash"), 32));
        assertArrayEquals(v.s3("server", "derive secret \"tls13 c hs traffic\"", "expanded"), clientHs.secret());
        assertArrayEquals(v.s3("server", "derive secret \"tls13 s hs traffic\"", "expanded"), serverHs.secret());
    }

    @Test
    void handshakeTrafficKeysAndIvs() {
        TrafficKeys server = serverHs.trafficKeys(SUITE.aead());
        assertArrayEquals(v.s3("server", "derive write traffic keys for handshake data", "key info"), Hkdf.hkdfLabel("key", new byte[0], 16));
        assertArrayEquals(v.s3("server", "derive write traffic keys for handshake data", "iv info"), Hkdf.hkdfLabel("iv", new byte[0], 12));
        assertArrayEquals(v.s3("server", "derive write traffic keys for handshake data", "key expanded"), server.key());
        assertArrayEquals(v.s3("server", "derive write traffic keys for handshake data", "iv expanded"), server.iv());
        TrafficKeys client = clientHs.trafficKeys(SUITE.aead());
        assertArrayEquals(v.s3("server", "derive read traffic keys for handshake data", "key expanded"), client.key());
        assertArrayEquals(v.s3("server", "derive read traffic keys for handshake data", "iv expanded"), client.iv());
    }

    @Test
    void masterSecret() {
        assertArrayEquals(v.s3("server", "extract secret \"master\"", "secret"), master.secret());
        assertArrayEquals(v.s3("server", "derive secret for master \"tls13 derived\"", "expanded"),
                new Hkdf(HashAlgorithm.SHA256).deriveSecret(handshake.secret(), "derived", HashAlgorithm.SHA256.hash(new byte[0])));
    }

    @Test
    void serverEncryptedFlightDecryptsToTheRfcMessages() {
        assertEquals(List.of(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE,
                HandshakeType.CERTIFICATE_VERIFY, HandshakeType.FINISHED), serverFlight.stream().map(HandshakeMessage::type).toList());
        assertArrayEquals(v.s3("server", "construct an EncryptedExtensions handshake message", "EncryptedExtensions"), serverFlight.get(0).encode());
        assertArrayEquals(v.s3("server", "construct a Certificate handshake message", "Certificate"), serverFlight.get(1).encode());
        assertArrayEquals(v.s3("server", "construct a CertificateVerify handshake message", "CertificateVerify"), serverFlight.get(2).encode());
        assertArrayEquals(v.s3("server", "construct a Finished handshake message", "Finished"), serverFlight.get(3).encode());
        byte[] payload = concat(serverFlight.get(0).encode(), serverFlight.get(1).encode(), serverFlight.get(2).encode(), serverFlight.get(3).encode());
        assertArrayEquals(v.s3("server", "send handshake record", "payload (657 octets)"), payload);
    }

    @Test
    void serverEncryptedFlightReencryptsByteForByte() {
        Tls13RecordProtection protection = new Tls13RecordProtection(SUITE.aead(), serverHs.trafficKeys(SUITE.aead()));
        byte[] payload = v.s3("server", "send handshake record", "payload (657 octets)");
        assertArrayEquals(v.s3("server", "send handshake record", "complete record (679 octets)"),
                protection.protect(ContentType.HANDSHAKE, payload).encode());
    }

    @Test
    void parsedServerFlightReencodesByteForByte() throws Exception {
        EncryptedExtensions ee = EncryptedExtensions.decode(serverFlight.get(0).body());
        assertArrayEquals(serverFlight.get(0).encode(), ee.toMessage().encode());
        CertificateMessage cert = CertificateMessage.decode(serverFlight.get(1).body());
        assertEquals(1, cert.entries().size());
        assertArrayEquals(serverFlight.get(1).encode(), cert.toMessage().encode());
        CertificateVerify cv = CertificateVerify.decode(serverFlight.get(2).body());
        assertEquals(SignatureScheme.RSA_PSS_RSAE_SHA256.code(), cv.algorithm());
        assertArrayEquals(serverFlight.get(2).encode(), cv.toMessage().encode());
    }

    @Test
    void certificateVerifySignatureChecksOutWithTheLeafKey() throws Exception {
        TranscriptHash t = transcriptThrough(2);
        CertificateMessage cert = CertificateMessage.decode(serverFlight.get(1).body());
        CertificateVerify cv = CertificateVerify.decode(serverFlight.get(2).body());
        byte[] signed = CertificateVerify.signedContent(true, t.current());
        var key = LeafCertificate.parse(cert.chain().get(0)).publicKey();
        assertTrue(SignatureScheme.RSA_PSS_RSAE_SHA256.verify(key, signed, cv.signature()));
        byte[] tampered = cv.signature();
        tampered[10] ^= 1;
        assertFalse(SignatureScheme.RSA_PSS_RSAE_SHA256.verify(key, signed, tampered));
        assertFalse(SignatureScheme.RSA_PSS_RSAE_SHA256.verify(key, CertificateVerify.signedContent(false, t.current()), cv.signature()),
                "the client context string must not verify a server signature");
    }

    @Test
    void serverFinishedValue() {
        TranscriptHash t = transcriptThrough(3);
        assertArrayEquals(v.s3("server", "calculate finished \"tls13 finished\"", "expanded"), serverHs.finishedKey());
        byte[] expected = v.s3("server", "calculate finished \"tls13 finished\"", "finished");
        assertArrayEquals(expected, serverHs.verifyData(t.current()));
        assertArrayEquals(expected, serverFlight.get(3).body());
        assertTrue(serverHs.matches(t.current(), serverFlight.get(3).body()));
    }

    @Test
    void applicationTrafficSecretsAndKeys() {
        byte[] hash = transcriptThrough(4).current();
        assertArrayEquals(v.s3("server", "derive secret \"tls13 c ap traffic\"", "hash"), hash);
        TrafficSecret c = master.clientApplicationTrafficSecret(hash);
        TrafficSecret s = master.serverApplicationTrafficSecret(hash);
        assertArrayEquals(v.s3("server", "derive secret \"tls13 c ap traffic\"", "expanded"), c.secret());
        assertArrayEquals(v.s3("server", "derive secret \"tls13 s ap traffic\"", "expanded"), s.secret());
        assertArrayEquals(v.s3("server", "derive secret \"tls13 exp master\"", "expanded"), master.exporterMasterSecret(hash));
        assertArrayEquals(v.s3("server", "derive write traffic keys for application data", "key expanded"), s.trafficKeys(SUITE.aead()).key());
        assertArrayEquals(v.s3("server", "derive write traffic keys for application data", "iv expanded"), s.trafficKeys(SUITE.aead()).iv());
        assertArrayEquals(v.s3("client", "derive write traffic keys for application data", "key expanded"), c.trafficKeys(SUITE.aead()).key());
        assertArrayEquals(v.s3("client", "derive write traffic keys for application data", "iv expanded"), c.trafficKeys(SUITE.aead()).iv());
    }

    @Test
    void clientFinishedValueAndRecord() {
        byte[] hash = transcriptThrough(4).current();
        assertArrayEquals(v.s3("client", "calculate finished \"tls13 finished\"", "expanded"), clientHs.finishedKey());
        byte[] verifyData = clientHs.verifyData(hash);
        assertArrayEquals(v.s3("client", "calculate finished \"tls13 finished\"", "finished"), verifyData);
        byte[] finished = new navemu.tls.core.handshake.Finished(verifyData).toMessage().encode();
        assertArrayEquals(v.s3("client", "construct a Finished handshake message", "Finished"), finished);
        Tls13RecordProtection protection = new Tls13RecordProtection(SUITE.aead(), clientHs.trafficKeys(SUITE.aead()));
        assertArrayEquals(v.s3("client", "send handshake record", "complete record (58 octets)"), protection.protect(ContentType.HANDSHAKE, finished).encode());
    }

    @Test
    void resumptionMasterSecretTicketAndPsk() throws Exception {
        TranscriptHash t = transcriptThrough(4);
        t.add(v.s3("client", "construct a Finished handshake message", "Finished"));
        ResumptionMasterSecret res = master.resumptionMasterSecret(t.current());
        assertArrayEquals(v.s3("client", "derive secret \"tls13 res master\"", "expanded"), res.secret());

        TrafficSecret s = master.serverApplicationTrafficSecret(transcriptThrough(4).current());
        RecordLayer layer = new RecordLayer(new ByteArrayInputStream(concat(
                v.s3("server", "send handshake record", "complete record (227 octets)"),
                v.s3("server", "send application_data record", "complete record"),
                v.s3("server", "send alert record", "complete record"))), new ByteArrayOutputStream());
        layer.setReadProtection(new Tls13RecordProtection(SUITE.aead(), s.trafficKeys(SUITE.aead())));
        TlsRecord ticketRecord = layer.read();
        assertEquals(ContentType.HANDSHAKE, ticketRecord.type());
        assertArrayEquals(v.s3("server", "construct a NewSessionTicket handshake message", "NewSessionTicket"), ticketRecord.fragment());
        NewSessionTicket nst = NewSessionTicket.decode(java.util.Arrays.copyOfRange(ticketRecord.fragment(), 4, ticketRecord.fragment().length));
        assertArrayEquals(ticketRecord.fragment(), nst.toMessage().encode());
        assertEquals(0x400, nst.maxEarlyDataSize());
        assertArrayEquals(v.s3("server", "generate resumption secret \"tls13 resumption\"", "hash"), nst.ticketNonce());
        assertArrayEquals(v.s3("server", "generate resumption secret \"tls13 resumption\"", "expanded"), res.psk(nst.ticketNonce()));

        TlsRecord data = layer.read();
        assertEquals(ContentType.APPLICATION_DATA, data.type());
        assertArrayEquals(v.s3("server", "send application_data record", "payload"), data.fragment());
        TlsRecord alert = layer.read();
        assertEquals(ContentType.ALERT, alert.type());
        assertArrayEquals(Hex.decode("0100"), alert.fragment());
    }

    @Test
    void clientApplicationDataAndCloseNotifyRecordsByteForByte() throws Exception {
        TrafficSecret c = master.clientApplicationTrafficSecret(transcriptThrough(4).current());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer layer = new RecordLayer(new ByteArrayInputStream(new byte[0]), wire);
        layer.setWriteProtection(new Tls13RecordProtection(SUITE.aead(), c.trafficKeys(SUITE.aead())));
        layer.write(ContentType.APPLICATION_DATA, v.s3("client", "send application_data record", "payload"));
        layer.write(ContentType.ALERT, v.s3("client", "send alert record", "payload"));
        assertArrayEquals(concat(v.s3("client", "send application_data record", "complete record"),
                v.s3("client", "send alert record", "complete record")), wire.toByteArray());
    }

    @Test
    void aTamperedRecordFailsAuthentication() {
        byte[] record = v.s3("server", "send handshake record", "complete record (679 octets)");
        record[100] ^= 0x40;
        RecordLayer layer = new RecordLayer(new ByteArrayInputStream(record), new ByteArrayOutputStream());
        layer.setReadProtection(new Tls13RecordProtection(SUITE.aead(), serverHs.trafficKeys(SUITE.aead())));
        var e = org.junit.jupiter.api.Assertions.assertThrows(navemu.tls.core.alert.TlsAlertException.class, layer::read);
        assertEquals(navemu.tls.core.alert.AlertDescription.BAD_RECORD_MAC, e.alert());
    }

    private static TranscriptHash transcriptThrough(int serverMessages) {
        TranscriptHash t = new TranscriptHash();
        t.add(clientHelloBytes);
        t.add(serverHelloBytes);
        t.useHash(SUITE.hash());
        for (int i = 0; i < serverMessages; i++) {
            t.add(serverFlight.get(i));
        }
        return t;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
