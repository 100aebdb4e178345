package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * No view cuts a value: a ClientHello whose fields are longer than the line, drawn at a
 * terminal's 80 columns and at the pipe's 120, keeps every field value whole (folded over more
 * lines), and no line is wider than the width.
 */
class NoTruncationTest {
    private static final String SUITES = "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, "
            + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "
            + "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "
            + "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
    private static final String RANDOM = "7fcd6d26a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c";
    private static final String EXTENSIONS = "server_name, supported_groups, signature_algorithms, "
            + "application_layer_protocol_negotiation, supported_versions, psk_key_exchange_modes, key_share, "
            + "extended_master_secret, status_request, renegotiation_info";

    private static Map<String, String> clientHelloFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("length", "257");
        fields.put("legacy_version", "0x0303 (frozen at TLS 1.2; the real offer is supported_versions)");
        fields.put("supported_versions", "TLSv1.3, TLSv1.2");
        fields.put("random", RANDOM);
        fields.put("cipher_suites", SUITES);
        fields.put("supported_groups", "x25519, secp256r1, secp384r1");
        fields.put("key_share", "x25519");
        fields.put("extensions", EXTENSIONS);
        return fields;
    }

    private static List<TraceEvent> handshake() {
        return List.of(
                new TraceEvent(Kind.STEP_START, "tls", "browser", 0, "tls", "", Map.of(), 0),
                new TraceEvent(Kind.SENT, "tls", "browser", 1000, "ClientHello", "ClientHello (257 bytes)", clientHelloFields(), 0),
                new TraceEvent(Kind.SECRET, "tls", "browser", 2000, "master_secret", "ab".repeat(48), Map.of(), 0),
                new TraceEvent(Kind.STEP_END, "tls", "browser", 3000, "tls", "", Map.of(), 1));
    }

    /** The lines with their folding undone: continuation indents and line breaks gone. */
    private static String unfolded(List<AttributedString> lines, int width) {
        for (AttributedString line : lines) {
            assertTrue(line.columnLength() < width, "wider than " + width + ": " + line);
        }
        return lines.stream().map(AttributedString::toString).collect(Collectors.joining("\n")).replaceAll("\\s+", "");
    }

    private static void assertWhole(String text, String value) {
        assertTrue(text.contains(value.replaceAll("\\s+", "")), "missing or cut: " + value + "\nin: " + text);
    }

    @Test
    void traceShowsEveryFieldOfTheClientHelloWholeAt80And120Columns() {
        for (int width : new int[] {80, 120}) {
            String text = unfolded(new TraceRenderer().render(handshake(), true, width), width);
            clientHelloFields().forEach((k, v) -> {
                if (!k.equals("length")) {
                    assertWhole(text, k + "=" + v);
                }
            });
            assertWhole(text, "ab".repeat(48));
        }
    }

    @Test
    void theLadderShowsEveryFieldOfTheClientHelloWholeAt80And120Columns() {
        for (int width : new int[] {80, 120}) {
            String text = unfolded(new LadderRenderer().render(handshake(), null, width), width);
            assertWhole(text, "cipher_suites=" + SUITES);
            assertWhole(text, "random=" + RANDOM);
            assertWhole(text, "extensions=" + EXTENSIONS);
        }
    }

    @Test
    void theSummaryFoldsALongDetailInsteadOfCuttingIt() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "browser");
        result.steps.get(3).detail.put("certPath", "CN=www.lab.test → CN=navemu Lab Intermediate CA → CN=navemu Lab Root CA"
                + " (trust anchor, from lab root)");
        for (int width : new int[] {80, 120}) {
            String text = unfolded(new HumanRenderer().render(result, width), width);
            assertWhole(text, "chain CN=www.lab.test → CN=navemu Lab Intermediate CA → CN=navemu Lab Root CA (trust anchor, from lab root)");
            assertWhole(text, "TLSv1.3 · TLS_AES_128_GCM_SHA256 · group x25519");
        }
    }

    @Test
    void explainSplitsASecretLongerThanTheLineAndKeepsItWhole() {
        NavigationResult result = Results.ok("https://tls12.lab.test/", 200, "browser");
        result.tls = result.tls.toBuilder().version("TLSv1.2").keyExchange("ECDHE").cipherSuite("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384").build();
        String text = unfolded(new Explainer().explain(result, handshake(), 80, true), 80);
        assertWhole(text, "master_secret: " + "ab".repeat(48));
        assertWhole(text, "cipher suites " + SUITES);
    }
}
