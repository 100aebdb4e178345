package navemu.tls.core.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bouncycastle.util.encoders.Hex;

import navemu.api.cert.CertVerdict;
import navemu.api.session.StoredSession;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.CertificateCompressionAlgorithm;
import navemu.tls.core.handshake.CertificateRequest;
import navemu.tls.core.handshake.CompressedCertificate;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.EncryptedExtensions;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.ProtocolVersion;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.keyschedule.EarlySecret;
import navemu.tls.core.keyschedule.HandshakeSecret;
import navemu.tls.core.keyschedule.MasterSecret;
import navemu.tls.core.keyschedule.TrafficSecret;
import navemu.tls.core.record.TrafficKeys;

/**
 * The TLS 1.3 handshake told as it happens: each method is one event of the handshake (a message
 * sent or received, a decision, a key derived) and turns it into the trace's fields and
 * sentences, the result's message list and the NSS key log. The handshake classes decide and
 * compute; only this class formats — as OkHttp's {@code EventListener} is to its calls.
 */
final class Tls13Narration {
    /** The dummy change_cipher_spec of middlebox compatibility (RFC 8446 §D.4), as the trace shows it. */
    static final Map<String, String> DUMMY_CHANGE_CIPHER_SPEC =
            Map.of("note", "dummy, for middlebox compatibility (RFC 8446 §D.4)");

    private final MessageLog log;

    Tls13Narration(MessageLog log) {
        this.log = log;
    }

    // ---- ClientHello (§4.1.2) and the ticket it offers --------------------------------------

    /** The fields of a ClientHello we send (the first or the second). */
    static Map<String, String> clientHello(ClientHello ch, int[] offeredVersions, List<NamedGroup> keyShareGroups,
                                           List<SignatureScheme> signatureAlgorithms, String sni, List<String> alpn)
            throws TlsAlertException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("legacy_version", "0x0303 (frozen at TLS 1.2; the real offer is supported_versions)");
        f.put("supported_versions", java.util.Arrays.stream(offeredVersions).mapToObj(ProtocolVersion::nameOf).collect(Collectors.joining(", ")));
        f.put("random", Hex.toHexString(ch.random()));
        f.put("legacy_session_id", ch.legacySessionId().length + " bytes (middlebox compatibility)");
        f.put("cipher_suites", ch.cipherSuites().stream().map(Tls12CipherSuite::nameOf).collect(Collectors.joining(", ")));
        f.put("supported_groups", Extensions.decodeSupportedGroups(ch.extension(ExtensionType.SUPPORTED_GROUPS).data())
                .stream().map(NamedGroup::nameOf).collect(Collectors.joining(", ")));
        f.put("key_share", keyShareGroups.stream().map(NamedGroup::rfcName).collect(Collectors.joining(", ")));
        f.put("signature_algorithms", signatureAlgorithms.stream().map(SignatureScheme::rfcName).collect(Collectors.joining(", ")));
        if (sni != null) {
            f.put("server_name", sni);
        }
        if (!alpn.isEmpty()) {
            f.put("alpn", String.join(", ", alpn));
        }
        if (ch.extension(ExtensionType.COOKIE) != null) {
            f.put("cookie", "echoed from HelloRetryRequest");
        }
        f.put("extensions", Extension.names(ch.extensions()));
        return f;
    }

    void waitingForServerFlight() {
        log.trace().roundTrip("ClientHello sent; waiting for the server's flight (ServerHello … Finished)");
    }

    void ticketWithoutChain() {
        log.info("the stored TLS 1.3 ticket has no certificate chain to re-validate: not offered, full handshake");
    }

    void offeringTicket(StoredSession ticket, Tls13CipherSuite suite) {
        log.info("offering the stored TLS 1.3 ticket (" + ticket.ticket().length + " bytes, " + suite + ") for PSK resumption with psk_dhe_ke");
    }

    void sessionSlotFailed(RuntimeException e) {
        log.info("the session slot failed to answer (" + e + "): full handshake");
    }

    void pskBinder(byte[] binder) {
        log.secret("psk_binder", binder);
    }

    // ---- 0-RTT (§2.3, §4.2.10) ---------------------------------------------------------------

    void earlyDataTooLarge(long allowed, int requestLength) {
        log.info("0-RTT not offered: the ticket allows " + allowed + " bytes of early data, the request has "
                + requestLength + "; it will go after the handshake");
    }

    void earlyDataAlpnNotOffered(String ticketAlpn) {
        log.info("0-RTT not offered: the ticket's ALPN " + ticketAlpn + " is not offered now (RFC 8446 §4.2.10)");
    }

    void earlyDataNotInSessionProtocol(String ticketAlpn, String earlyDataProtocol) {
        log.info("0-RTT not offered: the session agreed on " + ticketAlpn + " (ALPN), and a server accepts early"
                + " data only in that protocol, but the request navemu has to send early is " + earlyDataProtocol
                + " (Chrome would send " + ticketAlpn + " in 0-RTT); the request waits for the handshake");
    }

    void earlySecret(TrafficSecret clientEarly, byte[] clientRandom) {
        log.secret("client_early_traffic_secret", clientEarly.secret());
        log.keyLog("CLIENT_EARLY_TRAFFIC_SECRET", clientRandom, clientEarly.secret());
    }

    void earlyDataSent(int length) {
        log.sentRecord("early data (0-RTT)", length, Map.of("protected_with", "client_early_traffic_secret"));
        log.info("0-RTT: the request (" + length + " bytes) went out with the ClientHello, before any answer");
    }

    void earlyDataRejectedByHelloRetryRequest() {
        log.info("HelloRetryRequest: the 0-RTT data is rejected; the request will go after the handshake");
    }

    void earlyDataAccepted() {
        log.info("0-RTT accepted: the server will answer the request sent with the ClientHello");
    }

    void earlyDataRejected() {
        log.info("0-RTT rejected: the request will be re-sent after the handshake (RFC 8446 §4.2.10)");
    }

    // ---- ServerHello and HelloRetryRequest (§4.1.3, §4.1.4) ----------------------------------

    void helloRetryRequestReceived(HandshakeMessage message, ServerHello hrr) {
        log.received("HelloRetryRequest", message.length(), log.listening() ? serverHelloFields(hrr) : Map.of());
    }

    void serverHelloReceived(HandshakeMessage message, ServerHello sh) {
        log.received("ServerHello", message.length(), log.listening() ? serverHelloFields(sh) : Map.of());
    }

    void keyShareRequested(NamedGroup wanted) {
        log.info("HelloRetryRequest: the server wants a key share for " + wanted + "; sending a second ClientHello");
    }

    void waitingForSecondServerHello() {
        log.trace().roundTrip("second ClientHello sent after HelloRetryRequest; waiting for ServerHello");
    }

    void ticketNotAccepted() {
        log.info("the server did not accept our ticket: full handshake (the ticket was used up either way)");
    }

    /** What the ServerHello settled: into the result at once (a later failure still reports it), and said. */
    void negotiated(Tls13CipherSuite suite, NamedGroup group, boolean resumed) {
        log.negotiated("TLSv1.3", suite.name(), group.isHybrid() ? "ML-KEM + ECDHE" : "ECDHE", group.rfcName());
        log.info("server chose TLS 1.3, " + suite + ", key exchange " + group + (resumed ? ", resuming with our ticket (PSK)" : ""));
        if (group.isHybrid()) {
            log.info(group + " is a hybrid key share: two key exchanges side by side. We sent an ML-KEM-768"
                    + " encapsulation key (1184 bytes; ML-KEM is built to resist a future quantum computer) beside an"
                    + " X25519 public key (32 bytes); the server answered with an ML-KEM ciphertext (1088 bytes) and its"
                    + " X25519 key (32 bytes). The key schedule takes both 32-byte secrets joined, ML-KEM's first, so the"
                    + " keys stay secret as long as either of the two is unbroken (draft-ietf-tls-ecdhe-mlkem)");
        }
    }

    /**
     * Why a ClientHello with a hybrid share does not fit one TCP segment: on an Ethernet path (MTU
     * 1500) a segment carries at most 1460 bytes of TCP payload, and the ML-KEM key alone is 1184.
     */
    void clientHelloSize(int recordBytes, List<NamedGroup> keyShareGroups) {
        if (recordBytes > ETHERNET_MSS && keyShareGroups.stream().anyMatch(NamedGroup::isHybrid)) {
            log.info("the ClientHello record is " + recordBytes + " bytes, mostly the 1216-byte X25519MLKEM768 key share:"
                    + " more than the 1460 bytes one TCP segment carries on an Ethernet path (MTU 1500), so on the"
                    + " Internet it leaves as two TCP segments and the server reads both before it answers"
                    + " (on loopback the segment size is larger, so here it may be one)");
        }
    }

    /** RFC 8879: the server's certificate came compressed. */
    void certificateDecompressed(CompressedCertificate compressed, int receivedLength) {
        log.info("the server sent its Certificate as CompressedCertificate (RFC 8879): "
                + CertificateCompressionAlgorithm.nameOf(compressed.algorithm()) + ", " + receivedLength + " bytes on the wire for "
                + compressed.uncompressedLength() + " bytes of Certificate; the handshake transcript takes the compressed message as it came");
    }

    /** TCP payload of one segment on an Ethernet path: MTU 1500 − 20 (IPv4) − 20 (TCP). */
    static final int ETHERNET_MSS = 1460;

    private static Map<String, String> serverHelloFields(ServerHello sh) {
        Map<String, String> f = new LinkedHashMap<>();
        try {
            Extension versions = sh.extension(ExtensionType.SUPPORTED_VERSIONS);
            f.put("version", versions == null ? ProtocolVersion.nameOf(sh.legacyVersion()) + " (no supported_versions)"
                    : ProtocolVersion.nameOf(Extensions.decodeSelectedVersion(versions.data())));
            f.put("cipher_suite", Tls13CipherSuite.nameOf(sh.cipherSuite()));
            Extension ks = sh.extension(ExtensionType.KEY_SHARE);
            if (ks != null) {
                f.put(sh.isHelloRetryRequest() ? "selected_group" : "key_share", NamedGroup.nameOf(sh.isHelloRetryRequest()
                        ? Extensions.decodeKeyShareHelloRetryRequest(ks.data())
                        : Extensions.decodeKeyShareServerHello(ks.data()).group()));
            }
            if (sh.extension(ExtensionType.COOKIE) != null) {
                f.put("cookie", "present");
            }
            if (!sh.isHelloRetryRequest()) {
                f.put("random", Hex.toHexString(sh.random()));
            }
        } catch (TlsAlertException malformed) {
            f.put("malformed", malformed.getMessage());
        }
        f.put("extensions", Extension.names(sh.extensions()));
        return f;
    }

    // ---- key schedule (§7.1, §7.3) -----------------------------------------------------------

    void handshakeSecrets(NamedGroup group, byte[] shared, EarlySecret early, HandshakeSecret handshakeSecret,
                          TrafficSecret client, TrafficSecret server, TrafficKeys clientKeys, TrafficKeys serverKeys,
                          byte[] clientRandom) {
        log.keyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom, client.secret());
        log.keyLog("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom, server.secret());
        if (!log.listening()) {
            return; // the rest is for the trace alone
        }
        log.secret("(EC)DHE shared secret (" + group + ")", shared);
        log.secret("early_secret", early.secret());
        log.secret("handshake_secret", handshakeSecret.secret());
        log.secret("client_handshake_traffic_secret", client.secret());
        log.secret("server_handshake_traffic_secret", server.secret());
        log.secret("server_handshake_write_key", serverKeys.key());
        log.secret("server_handshake_write_iv", serverKeys.iv());
        log.secret("client_handshake_write_key", clientKeys.key());
        log.secret("client_handshake_write_iv", clientKeys.iv());
    }

    void applicationSecrets(MasterSecret master, byte[] serverFinishedHash, TrafficSecret client, TrafficSecret server,
                            TrafficKeys clientKeys, TrafficKeys serverKeys, byte[] clientRandom) {
        log.keyLog("CLIENT_TRAFFIC_SECRET_0", clientRandom, client.secret());
        log.keyLog("SERVER_TRAFFIC_SECRET_0", clientRandom, server.secret());
        if (!log.listening()) {
            return; // the rest is for the trace alone: nobody needs the exporter secret derived
        }
        log.secret("master_secret", master.secret());
        log.secret("client_application_traffic_secret_0", client.secret());
        log.secret("server_application_traffic_secret_0", server.secret());
        log.secret("exporter_master_secret", master.exporterMasterSecret(serverFinishedHash));
        log.secret("server_application_write_key", serverKeys.key());
        log.secret("server_application_write_iv", serverKeys.iv());
        log.secret("client_application_write_key", clientKeys.key());
        log.secret("client_application_write_iv", clientKeys.iv());
    }

    // ---- the server's encrypted flight (§4.3, §4.4) ------------------------------------------

    /** The selected protocol, into the result at once. */
    void alpnSelected(String alpn) {
        log.alpn(alpn);
    }

    void encryptedExtensionsReceived(HandshakeMessage message, EncryptedExtensions ee, String alpn, EarlyData earlyData) {
        if (!log.listening()) {
            log.received("EncryptedExtensions", message.length(), Map.of());
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("extensions", ee.extensions().isEmpty() ? "(none)" : Extension.names(ee.extensions()));
        if (alpn != null) {
            fields.put("alpn", alpn);
        }
        if (ee.extension(ExtensionType.SERVER_NAME) != null) {
            fields.put("server_name", "acknowledged");
        }
        if (earlyData.offered()) {
            fields.put("early_data", earlyData.accepted() ? "accepted" : "rejected");
        }
        log.received("EncryptedExtensions", message.length(), fields);
    }

    void applicationSettingsReceived(String protocol, byte[] settings) {
        log.info("ALPS: the server sent its application settings for " + protocol + " (" + settings.length
                + " bytes, for the " + protocol + " layer); ours follow in our own EncryptedExtensions after its Finished");
    }

    /** Our EncryptedExtensions (draft-vvv-tls-alps): Chrome's settings for h2 are empty. */
    static Map<String, String> clientApplicationSettings(String protocol, int settingsLength) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("extensions", "application_settings");
        fields.put("application_settings", protocol + ": " + settingsLength + " bytes (Chrome's for h2: empty)");
        return fields;
    }

    void certificateRequestReceived(HandshakeMessage message, CertificateRequest cr) {
        log.received("CertificateRequest", message.length(), Map.of("extensions", Extension.names(cr.extensions()),
                "signature_algorithms", cr.signatureAlgorithms().stream().map(SignatureScheme::nameOf).collect(Collectors.joining(", ")),
                "note", "no client certificate configured: an empty Certificate will be sent"));
    }

    void certificateReceived(HandshakeMessage message, List<byte[]> chain, LeafCertificate leaf, byte[] ocsp) {
        if (!log.listening()) {
            log.received(message.name(), message.length(), Map.of());
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("certificates", String.valueOf(chain.size()));
        fields.put("leaf", leaf.subject());
        fields.put("issuer", leaf.issuer());
        fields.put("stapled_ocsp", ocsp == null ? "no" : ocsp.length + " bytes");
        log.received(message.name(), message.length(), fields); // Certificate, or CompressedCertificate (RFC 8879)
    }

    void certificateJudged(CertVerdict verdict) {
        log.info("cert slot accepted the chain" + (verdict.error() != null ? " despite " + verdict.error() + ": " + verdict.reason() : ""));
    }

    void certificateVerifyReceived(HandshakeMessage message, int algorithm, int signatureLength) {
        if (!log.listening()) {
            log.received("CertificateVerify", message.length(), Map.of());
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("algorithm", SignatureScheme.nameOf(algorithm));
        fields.put("signature", signatureLength + " bytes");
        log.received("CertificateVerify", message.length(), fields);
    }

    void certificateVerifyVerified(SignatureScheme scheme) {
        log.info("CertificateVerify: the server holds the private key of its certificate (" + scheme.rfcName() + " verified)");
    }

    void serverFinishedReceived(HandshakeMessage message, byte[] verifyData) {
        log.received("Finished", message.length(), log.listening() ? Map.of("verify_data", Hex.toHexString(verifyData)) : Map.of());
    }

    void serverFinishedVerified() {
        log.info("server Finished verified: both sides saw the same handshake");
    }

    // ---- the client's second flight (§4.4.2, §4.4.4) -----------------------------------------

    static Map<String, String> emptyCertificate() {
        return Map.of("certificates", "0 (no client certificate)");
    }

    static Map<String, String> finished(byte[] verifyData) {
        return Map.of("verify_data", Hex.toHexString(verifyData));
    }
}
