package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;
import navemu.api.trace.TraceEvent.Kind;
import navemu.shell.fixtures.Results;

/**
 * The kinds of handshake the lab has no site for, told from events shaped as our clients emit
 * them: 0-RTT accepted and rejected (the lab's servers take no early data), and a TLS 1.2
 * handshake without the extended master secret (every lab server negotiates it). The kinds the
 * lab serves are checked end to end in the runtime's {@code ViewsIT}.
 */
class HandshakeKindsTest {

    private static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static TraceEvent sent(String name, Map<String, String> fields) {
        return new TraceEvent(Kind.SENT, "tls", "browser", 0, name, name, fields, 0);
    }

    private static TraceEvent received(String name, Map<String, String> fields) {
        return new TraceEvent(Kind.RECEIVED, "tls", "browser", 0, name, name, fields, 0);
    }

    private static String explain(NavigationResult result, List<TraceEvent> events, boolean secrets) {
        List<AttributedString> lines = new Explainer().explain(result, events, 140, secrets);
        return lines.stream().map(l -> l.toString().substring(10)).collect(Collectors.joining(" "));
    }

    /** A resumed TLS 1.3 handshake with the request sent as early data, the server saying {@code early}. */
    private static List<TraceEvent> zeroRtt(String early) {
        List<TraceEvent> events = new ArrayList<>();
        events.add(new TraceEvent(Kind.STEP_START, "tls", "browser", 0, "tls", "", Map.of(), 0));
        events.add(new TraceEvent(Kind.INFO, "tls", "browser", 0, "", "offering the stored TLS 1.3 ticket (1358 bytes,"
                + " TLS_AES_128_GCM_SHA256) for PSK resumption with psk_dhe_ke", Map.of(), 0));
        events.add(sent("ClientHello", fields("random", "11".repeat(32), "key_share", "x25519",
                "extensions", "server_name, key_share, early_data, psk_key_exchange_modes, pre_shared_key")));
        events.add(sent("early data (0-RTT)", fields("protected_with", "client_early_traffic_secret")));
        events.add(received("ServerHello", fields("version", "TLSv1.3", "key_share", "x25519", "random", "22".repeat(32),
                "extensions", "supported_versions, key_share, pre_shared_key")));
        events.add(received("EncryptedExtensions", "accepted".equals(early) ? fields("early_data", "accepted") : fields()));
        events.add(received("Finished", fields("verify_data", "33".repeat(32))));
        if ("accepted".equals(early)) {
            events.add(sent("EndOfEarlyData", fields()));
        }
        events.add(sent("Finished", fields("verify_data", "44".repeat(32))));
        events.add(new TraceEvent(Kind.STEP_END, "tls", "browser", 0, "tls", "", Map.of(), 1));
        return events;
    }

    private static NavigationResult resumed13(boolean earlyData) {
        NavigationResult result = Results.ok("https://resume.example.test/", 200, "browser");
        result.tls = result.tls.toBuilder().resumed(true).earlyData(earlyData).build();
        return result;
    }

    @Test
    void zeroRttAcceptedSaysTheRequestWentWithTheClientHelloAndWasAnswered() {
        String text = explain(resumed13(true), zeroRtt("accepted"), false);
        assertTrue(text.contains("Resumption with a pre-shared key"), text);
        assertTrue(text.contains("0-RTT: the request went out as early data right behind the ClientHello"), text);
        assertTrue(text.contains("The server accepted it (early_data in EncryptedExtensions)"), text);
        assertTrue(text.contains("EndOfEarlyData"), text);
        assertFalse(text.contains("CertificateVerify carried"), "no CertificateVerify on a resumption: " + text);
        assertTrue(text.contains("The server's verify_data was " + "33".repeat(32) + ", the client's " + "44".repeat(32)), text);
    }

    @Test
    void zeroRttRejectedSaysTheRequestWasSentAgain() {
        String text = explain(resumed13(false), zeroRtt("rejected"), false);
        assertTrue(text.contains("The server rejected it (no early_data in EncryptedExtensions)"), text);
        assertTrue(text.contains("sent the request again once the handshake was done"), text);
        assertFalse(text.contains("The server accepted it"), text);
    }

    @Test
    void tls12WithoutExtendedMasterSecretMakesTheMasterSecretFromBothRandoms() {
        NavigationResult result = Results.ok("https://old.example.test/", 200, "tls12-rsa");
        result.tls = result.tls.toBuilder().version("TLSv1.2").keyExchange("ECDHE").cipherSuite("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256").build();
        List<TraceEvent> events = List.of(
                new TraceEvent(Kind.STEP_START, "tls", "tls12-rsa", 0, "tls", "", Map.of(), 0),
                sent("ClientHello", fields("client_version", "TLSv1.2", "random", "aa".repeat(32),
                        "extensions", "server_name, extended_master_secret")),
                received("ServerHello", fields("version", "TLSv1.2", "random", "bb".repeat(32), "extensions", "renegotiation_info")),
                received("ServerKeyExchange", fields("named_curve", "x25519", "public", "32 bytes",
                        "signature_algorithm", "ecdsa_secp256r1_sha256")),
                sent("ClientKeyExchange", fields("public", "32 bytes (x25519)")),
                new TraceEvent(Kind.SECRET, "tls", "tls12-rsa", 0, "pre_master_secret", "cc".repeat(32), Map.of(), 0),
                new TraceEvent(Kind.SECRET, "tls", "tls12-rsa", 0, "master_secret", "dd".repeat(48), Map.of(), 0),
                new TraceEvent(Kind.STEP_END, "tls", "tls12-rsa", 0, "tls", "", Map.of(), 2));
        String hidden = explain(result, events, false);
        assertTrue(hidden.contains("master_secret = PRF(pre_master_secret, \"master secret\", ClientHello.random + ServerHello.random),"
                + " with ClientHello.random " + "aa".repeat(32) + " and ServerHello.random " + "bb".repeat(32)), hidden);
        assertTrue(hidden.contains("ServerKeyExchange, signed with ecdsa_secp256r1_sha256"), hidden);
        assertFalse(hidden.contains("cc".repeat(32)) || hidden.contains("dd".repeat(48)), "secrets only with --secrets: " + hidden);
        String shown = explain(result, events, true);
        assertTrue(shown.contains("pre_master_secret: " + "cc".repeat(32)) && shown.contains("master_secret: " + "dd".repeat(48)), shown);
    }
}
