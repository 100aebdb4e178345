package navemu.tls.core.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.bouncycastle.util.encoders.Hex;

import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.NewSessionTicketTls12;
import navemu.tls.core.handshake.ProtocolVersion;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.handshake.ServerKeyExchangeEcdhe;

/**
 * The TLS 1.2 handshake told as it happens (RFC 5246 §7.3): each method is one event — a message
 * sent or received, a decision, a key derived — turned into the trace's fields and sentences, the
 * result's message list and the NSS key log. The handshake classes decide and compute; only this
 * class formats (the TLS 1.3 counterpart is {@link Tls13Narration}).
 */
final class Tls12Narration {
    private final MessageLog log;

    Tls12Narration(MessageLog log) {
        this.log = log;
    }

    // ---- ClientHello (§7.4.1.2) and the session offered ------------------------------------------

    static Map<String, String> clientHello(ClientHello ch, String sni, java.util.List<String> alpn, StoredSession offered) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_version", "TLSv1.2");
        f.put("random", Hex.toHexString(ch.random()));
        f.put("session_id", ch.legacySessionId().length == 0 ? "(empty)" : Hex.toHexString(ch.legacySessionId()));
        f.put("cipher_suites", ch.cipherSuites().stream().map(Tls12CipherSuite::nameOf).collect(Collectors.joining(", ")));
        if (sni != null) {
            f.put("server_name", sni);
        }
        if (!alpn.isEmpty()) {
            f.put("alpn", String.join(", ", alpn));
        }
        if (offered != null && offered.ticket() != null) {
            f.put("session_ticket", offered.ticket().length + " bytes");
        }
        f.put("extensions", Extension.names(ch.extensions()));
        return f;
    }

    void waitingForServerFlight(boolean offeredSession) {
        log.trace().roundTrip("ClientHello sent; waiting for the server's flight ("
                + (offeredSession ? "ServerHello … Finished if it resumes, else " : "") + "ServerHello … ServerHelloDone)");
    }

    void clientHelloSent(ClientHello ch, StoredSession offered) {
        long grease = ch.cipherSuites().stream().filter(navemu.tls.core.handshake.GreaseValues::isGrease).count();
        log.info("hello: ClientHello sent with " + (ch.cipherSuites().size() - grease) + " cipher suites"
                + (grease > 0 ? " and a GREASE value" : "")
                + (offered != null ? ", resuming a " + offered.kind() + " session from " + offered.created() : ""));
    }

    void sessionSlotFailed(RuntimeException e) {
        log.info("the session slot failed to answer (" + e + "): full handshake");
    }

    // ---- ServerHello (§7.4.1.3) --------------------------------------------------------------

    void serverHelloReceived(HandshakeMessage message, ServerHello sh) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", ProtocolVersion.nameOf(sh.legacyVersion()));
        f.put("random", Hex.toHexString(sh.random()));
        f.put("session_id", sh.legacySessionIdEcho().length == 0 ? "(empty)" : Hex.toHexString(sh.legacySessionIdEcho()));
        f.put("cipher_suite", Tls12CipherSuite.nameOf(sh.cipherSuite()));
        f.put("extensions", Extension.names(sh.extensions()));
        log.received("ServerHello", message.length(), f);
    }

    /** What the ServerHello settled, into the result at once: a handshake that fails later still reports it. */
    void negotiated(Tls12CipherSuite suite) {
        log.negotiated("TLSv1.2", suite.name(), suite.keyExchange().name().startsWith("ECDHE") ? "ECDHE" : "RSA", null);
    }

    void alpnSelected(String alpn) {
        log.alpn(alpn);
    }

    void sessionNotResumed(StoredSession offered) {
        log.info("the server did not resume the offered " + offered.kind() + " (new session id): entry removed, full handshake");
    }

    void sessionResumed() {
        log.info("the server echoed our session id: abbreviated handshake with the stored master secret (RFC 5246 §7.3, Figure 2)");
    }

    void serverChose(Tls12CipherSuite suite, boolean resumed, boolean extendedMasterSecret, boolean encryptThenMac) {
        log.info("server chose TLS 1.2, " + suite + (resumed ? ", resuming" : "")
                + (extendedMasterSecret ? ", extended master secret (RFC 7627)" : "")
                + (encryptThenMac ? ", encrypt-then-MAC (RFC 7366)" : ""));
    }

    // ---- the server's certificate and key (§7.4.2, RFC 6066 §8, RFC 8422 §5.4) ---------------

    void certificateReceived(HandshakeMessage message, int certificates, LeafCertificate leaf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("certificates", String.valueOf(certificates));
        fields.put("leaf", leaf.subject());
        fields.put("issuer", leaf.issuer());
        log.received("Certificate", message.length(), fields);
    }

    void certificateAccepted(LeafCertificate leaf) {
        log.info("certificate: the server presents " + leaf.subject() + ", issued by " + leaf.issuer());
    }

    void noCertificateStatus() {
        log.info("the server promised a stapled OCSP response but sent none (allowed, RFC 6066 §8)");
    }

    void certificateStatusReceived(HandshakeMessage message, byte[] ocsp) {
        log.received("CertificateStatus", message.length(), Map.of("ocsp_response", ocsp.length + " bytes"));
    }

    void certificateJudged(CertVerdict verdict) {
        log.info("verification: the cert slot accepted the chain" + (verdict.error() != null ? " despite " + verdict.error() + ": " + verdict.reason() : ""));
    }

    void serverKeyExchangeReceived(HandshakeMessage message, ServerKeyExchangeEcdhe ske) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("named_curve", NamedGroup.nameOf(ske.namedCurve()));
        fields.put("public", ske.point().length + " bytes");
        fields.put("signature_algorithm", SignatureScheme.nameOf(ske.signatureAlgorithm()));
        log.received("ServerKeyExchange", message.length(), fields);
    }

    /** The signed key verified; its group goes into the result at once. */
    void serverKeyExchangeVerified(NamedGroup curve, SignatureScheme scheme) {
        log.info("ServerKeyExchange: the server signed its " + curve + " key with the certificate's key (" + scheme.rfcName() + " verified)");
        log.group(curve.rfcName());
    }

    void certificateRequestReceived(HandshakeMessage message) {
        log.received("CertificateRequest", message.length(), Map.of("note", "no client certificate configured: an empty Certificate will be sent"));
    }

    void serverHelloDoneReceived(HandshakeMessage message) {
        log.received("ServerHelloDone", message.length(), Map.of());
    }

    // ---- the client's key exchange and keys (§7.4.7, §8.1, §6.3) -----------------------------

    static Map<String, String> emptyCertificate() {
        return Map.of("certificates", "0 (no client certificate)");
    }

    void rsaPreMasterSecret(byte[] preMasterSecret) {
        log.secret("pre_master_secret", preMasterSecret);
        log.info("pre-master secret: 48 bytes (client_version 0x0303 + 46 random), encrypted with the server's RSA key (PKCS#1 v1.5)");
    }

    void ecdhePreMasterSecret(byte[] preMasterSecret, NamedGroup group) {
        log.secret("pre_master_secret", preMasterSecret);
        log.info("pre-master secret: the " + group + " shared secret of our ephemeral key and the server's");
    }

    static Map<String, String> rsaClientKeyExchange(int encryptedLength) {
        return Map.of("encrypted_pre_master_secret", encryptedLength + " bytes (RSA PKCS#1 v1.5)");
    }

    static Map<String, String> ecdheClientKeyExchange(int publicLength, NamedGroup group) {
        return Map.of("public", publicLength + " bytes (" + group + ")");
    }

    void masterSecret(byte[] masterSecret) {
        log.secret("master_secret", masterSecret);
    }

    void keyBlock(Tls12KeyBlock keys, byte[] clientRandom, byte[] masterSecret, Tls12CipherSuite suite) {
        log.keyLog("CLIENT_RANDOM", clientRandom, masterSecret);
        if (suite.isCbc()) {
            log.secret("client_write_MAC_key", keys.clientMac());
            log.secret("server_write_MAC_key", keys.serverMac());
        } else {
            log.secret("client_write_IV", keys.clientIv());
            log.secret("server_write_IV", keys.serverIv());
        }
        log.secret("client_write_key", keys.clientKey());
        log.secret("server_write_key", keys.serverKey());
        log.info("session keys: the key block (" + keys.length() + " bytes, PRF " + suite.prfHash()
                + ") gives each side its own write key" + (suite.isCbc() ? " and MAC key (HMAC-" + suite.macHash() + ")" : " and IV"));
    }

    // ---- ChangeCipherSpec, Finished, NewSessionTicket (§7.1, §7.4.9, RFC 5077 §3.3) -----------

    static Map<String, String> finished(byte[] verifyData) {
        return Map.of("verify_data", Hex.toHexString(verifyData));
    }

    void ourFinishedSent(boolean resumed) {
        if (resumed) {
            log.info("finished: our Finished goes out; the abbreviated handshake is complete (1 round trip)");
        } else {
            log.trace().roundTrip("ClientKeyExchange, ChangeCipherSpec, Finished sent; waiting for the server's ChangeCipherSpec and Finished");
        }
    }

    void newSessionTicketReceived(HandshakeMessage message, NewSessionTicketTls12 ticket) {
        log.received("NewSessionTicket", message.length(), Map.of("ticket_lifetime_hint", ticket.ticketLifetimeHint() + " s",
                "ticket", ticket.ticket().length + " bytes"));
    }

    void serverFinishedReceived(HandshakeMessage message, byte[] verifyData) {
        log.received("Finished", message.length(), Map.of("verify_data", Hex.toHexString(verifyData)));
    }

    void serverFinishedVerified(boolean serverDecryptedRsa) {
        if (serverDecryptedRsa) {
            log.info("decryption by the server: its Finished is keyed with the master secret, so it decrypted our pre-master secret with its private key");
        }
        log.info("finished: the server's Finished verified; both sides saw the same handshake");
    }

    // ---- the session slot --------------------------------------------------------------------

    void sessionStored(SessionKey key, StoredSession session) {
        log.info("session stored for " + key + " (" + session.kind() + ", valid " + session.lifetime().toSeconds()
                + " s, with the server's chain to re-validate on resumption)");
    }

    void sessionNotStored(RuntimeException e) {
        log.info("the session slot could not store the session: " + e);
    }

    void ticketLifetimeCapped(long hint) {
        log.info("ticket_lifetime_hint " + hint + " s is over 7 days: the ticket is kept for 7 days (RFC 8446 §4.6.1's limit)");
    }

    void failedResumptionDropped(StoredSession offered) {
        log.info("the handshake failed while resuming the stored " + offered.kind() + ": that session is dropped");
    }

    void failedResumptionNotDropped(RuntimeException e) {
        log.info("the session slot could not drop the failed session: " + e);
    }
}
