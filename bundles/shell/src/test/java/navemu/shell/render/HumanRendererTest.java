package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;

class HumanRendererTest {
    private final HumanRenderer renderer = new HumanRenderer();

    private static String text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theHeadlineGivesUrlStatusAndTime() {
        List<AttributedString> lines = renderer.render(Results.ok("https://www.lab.test/", 200, "jsse"), 120);
        assertEquals("https://www.lab.test/  →  200 OK   46 ms", lines.get(0).toString());
    }

    @Test
    void eachStepShowsImplDurationRoundTripsAndDetail() {
        String text = text(renderer.render(Results.ok("https://www.lab.test/", 200, "jsse"), 120));
        assertTrue(text.contains("  ✓ dns   dnsjava        3.2 ms 1 rtt  127.0.0.1\n"), "the detail said for people, not address=…: " + text);
        assertTrue(text.contains("  ✓ tls   jsse            40 ms 1 rtt"), text);
        assertTrue(text.contains("  ✓ http  -              2.0 ms 1 rtt"), text);
    }

    @Test
    void tlsCertAndHttpAreSummedUp() {
        String text = text(renderer.render(Results.ok("https://www.lab.test/", 200, "jsse"), 120));
        assertTrue(text.contains("tls   TLSv1.3 · TLS_AES_128_GCM_SHA256 · group x25519 · alpn none · sni www.lab.test · full handshake"), text);
        assertTrue(text.contains("cert  CN=www.lab.test  issued by CN=navemu lab intermediate  ✓ valid (pkix)"), text);
        assertTrue(text.contains("http  HTTP/1.1 200 OK · text/html · 123 bytes"), text);
    }

    @Test
    void aRequestOnAReusedConnectionSaysItsTlsValuesAreThatConnectionsHandshake() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        result.steps.removeIf(s -> !s.step.equals("hsts") && !s.step.equals("http"));
        result.steps.stream().filter(s -> s.step.equals("http")).forEach(s -> {
            s.detail.put("connection", 1L);
            s.detail.put("reused", true);
        });
        String text = text(renderer.render(result, 400));
        assertTrue(text.contains("full handshake · on reused connection #1: its handshake, not this request's"), text);
        String own = text(renderer.render(Results.ok("https://www.lab.test/", 200, "jsse"), 160));
        assertTrue(!own.contains("reused connection"), own);
    }

    @Test
    void anHttp2ResponseWithoutAReasonPhraseShowsNoBlank() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        result.http.version = "HTTP/2";
        result.http.reason = "";
        String text = text(renderer.render(result, 120));
        assertTrue(text.startsWith("https://www.lab.test/  →  200   "), text);
        assertTrue(text.contains("http  HTTP/2 200 · text/html"), text);
    }

    @Test
    void aFailedNavigationShowsTheFailedStepAndTheError() {
        String text = text(renderer.render(Results.failed("https://nosuch.lab.test/", "ERR_NAME_NOT_RESOLVED"), 120));
        assertTrue(text.startsWith("https://nosuch.lab.test/  →  ERR_NAME_NOT_RESOLVED"), text);
        assertTrue(text.contains("✗ dns   dnsjava        2.0 ms 1 rtt ERR_NAME_NOT_RESOLVED"), text);
        assertTrue(text.contains("✗ ERR_NAME_NOT_RESOLVED: no such name"), text);
    }

    @Test
    void anInvalidCertificateShowsItsProblems() {
        NavigationResult result = Results.ok("https://expired.lab.test/", 200, "jsse");
        result.cert.valid = false;
        result.cert.error = "ERR_CERT_DATE_INVALID";
        result.cert.problems.add("leaf CN=expired.lab.test: expired on 2020-01-01");
        String text = text(renderer.render(result, 120));
        assertTrue(text.contains("✗ ERR_CERT_DATE_INVALID (pkix)"), text);
        assertTrue(text.contains("        leaf CN=expired.lab.test: expired on 2020-01-01"), text);
    }

    @Test
    void redirectHopsComeFirstWithTheirSteps() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        result.url = "http://hsts.lab.test/";
        Hop upgrade = new Hop();
        upgrade.url = "http://hsts.lab.test/";
        upgrade.internal = true;
        upgrade.location = "https://hsts.lab.test/";
        upgrade.steps.add(Results.step("hsts", "memory", 0, 0.1, 0));
        result.redirects.add(upgrade);
        result.hsts.upgraded = true;
        List<AttributedString> lines = renderer.render(result, 120);
        assertEquals("  hop 1  http://hsts.lab.test/ → 307 internal (HSTS) → https://hsts.lab.test/", lines.get(1).toString());
        assertTrue(lines.get(2).toString().startsWith("    ✓ hsts  memory"), lines.get(2).toString());
        assertEquals("  hop 2  https://www.lab.test/", lines.get(3).toString());
        assertTrue(text(lines).contains("hsts  upgraded http:// to https:// before any packet left"));
    }

    @Test
    void longRowsAreCutToTheWidth() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        result.steps.get(1).detail.put("answers", "x".repeat(300));
        for (AttributedString line : renderer.render(result, 60)) {
            if (line.toString().contains("dnsjava")) {
                assertTrue(line.columnLength() < 60, line.toString());
            }
        }
    }

    @Test
    void aHandshakeRefusedAtTheCertificateShowsWhatWasNegotiatedAndTheAlert() {
        String text = text(renderer.render(Results.certificateExpired("https://expired.lab.test/", "tls13-ecdhe"), 200));
        assertTrue(text.contains("tls   TLSv1.3 · TLS_AES_128_GCM_SHA256 · group x25519 · alpn http/1.1 · sni www.lab.test"
                + " · full handshake · sent certificate_expired alert"), text);
        assertTrue(!text.contains("null"), text);
    }

    @Test
    void aTls12EcdheHandshakeRefusedBeforeServerKeyExchangeSaysTheGroupWasNotReached() {
        NavigationResult result = Results.certificateExpired("https://expired-tls12.lab.test/", "browser");
        result.tls = result.tls.toBuilder()
                .version("TLSv1.2")
                .cipherSuite("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
                .group(null)
                .build();
        String text = text(renderer.render(result, 250));
        assertTrue(text.contains("TLSv1.2 · TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 · ECDHE group not negotiated"
                + " (the handshake failed before it, at Certificate)"), text);
        assertTrue(!text.contains("RSA key exchange"), text);
    }

    @Test
    void aHandshakeThatFailedBeforeTheServerHelloSaysNothingWasNegotiated() {
        NavigationResult result = Results.certificateExpired("https://www.lab.test/", "tls12-rsa");
        result.tls = result.tls.toBuilder()
                .version(null)
                .cipherSuite(null)
                .group(null)
                .keyExchange(null)
                .alpn(null)
                .failedAt("ServerHello")
                .alertSent(null)
                .alertReceived("handshake_failure")
                .build();
        String text = text(renderer.render(result, 250));
        assertTrue(text.contains("tls   not negotiated: the handshake failed before a ServerHello came · sni www.lab.test"
                + " · received handshake_failure alert"), text);
        assertTrue(!text.contains("null"), text);
    }
}
