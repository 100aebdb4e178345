package navemu.shell.interactive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.Environment;
import navemu.api.nav.Navigator;
import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;
import navemu.api.trace.TraceEvent.Kind;
import navemu.shell.PendingStart;
import navemu.shell.fixtures.FakeComposition;
import navemu.shell.fixtures.FakeServices;
import navemu.shell.fixtures.Results;

/**
 * On a terminal 80 columns wide, {@code open}, {@code trace} and {@code ladder} of a navigation
 * whose ClientHello fields are longer than a line print no line wider than the terminal and lose
 * no value: each field comes back whole once the folding is undone.
 */
@Timeout(30)
class TerminalWidthTest {
    @TempDir
    Path home;

    private static final Map<String, String> CLIENT_HELLO = new LinkedHashMap<>();

    static {
        CLIENT_HELLO.put("supported_versions", "TLSv1.3, TLSv1.2");
        CLIENT_HELLO.put("random", "5dd76beaad500b0e0739c303dfb8782600a98bd71805c3620c59348e71cf5e2f");
        CLIENT_HELLO.put("cipher_suites", "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, "
                + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "
                + "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TLS_RSA_WITH_AES_128_GCM_SHA256");
        CLIENT_HELLO.put("supported_groups", "x25519, secp256r1, secp384r1");
        CLIENT_HELLO.put("key_share", "x25519");
        CLIENT_HELLO.put("signature_algorithms", "ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, rsa_pss_rsae_sha256, "
                + "rsa_pss_rsae_sha384, rsa_pss_rsae_sha512, ed25519, rsa_pkcs1_sha256, rsa_pkcs1_sha384");
        CLIENT_HELLO.put("extensions", "server_name, supported_versions, supported_groups, key_share, signature_algorithms, "
                + "application_layer_protocol_negotiation, status_request, psk_key_exchange_modes");
    }

    /** A navigator whose tls step sends that ClientHello. */
    private static Navigator navigator() {
        return request -> {
            NavigationResult result = Results.ok(request.url(), 200, "tls13-ecdhe");
            long now = System.nanoTime();
            request.listener().onEvent(new TraceEvent(Kind.STEP_START, "tls", "tls13-ecdhe", now, "tls", "", Map.of(), 0));
            Map<String, String> fields = new LinkedHashMap<>(CLIENT_HELLO);
            fields.put("length", "257");
            request.listener().onEvent(new TraceEvent(Kind.SENT, "tls", "tls13-ecdhe", now + 1000, "ClientHello",
                    "ClientHello (257 bytes)", fields, 0));
            request.listener().onEvent(new TraceEvent(Kind.STEP_END, "tls", "tls13-ecdhe", now + 2000, "tls", "",
                    Map.of("durationMs", "40"), 1));
            return result;
        };
    }

    @Test
    void eightyColumnsCutNothing() throws Exception {
        FakeServices services = new FakeServices(navigator(), FakeComposition.standard());
        services.properties.put(Environment.HOME, home.toString());
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream("open https://www.lab.test/\ntrace\nladder\n".getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(80, 24));
            new InteractiveShell(services, PendingStart.NONE, false, new PrintStream(new ByteArrayOutputStream())).run(terminal);
        }
        String text = screen.toString(StandardCharsets.UTF_8);
        for (String line : text.split("\r?\n")) {
            assertTrue(line.length() <= 80, "wider than the terminal: " + line);
        }
        String unfolded = text.replaceAll("\\s+", "");
        assertTrue(text.contains("ClientHello (257 B)"), "the ladder ran: " + text);
        CLIENT_HELLO.forEach((key, value) -> {
            String whole = (key + "=" + value).replaceAll("\\s+", "");
            int times = unfolded.split(java.util.regex.Pattern.quote(whole), -1).length - 1;
            assertTrue(times >= 2, key + " whole in trace and ladder (" + times + " found):\n" + text);
        });
    }
}
