package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;
import navemu.shell.fixtures.Results;

class ExplainerTest {
    private final Explainer explainer = new Explainer();

    /** The paragraphs joined back into running text, so assertions need not know the wrapping. */
    private String explain(NavigationResult result, List<TraceEvent> events) {
        List<AttributedString> lines = explainer.explain(result, events, 80);
        for (AttributedString line : lines) {
            assertTrue(line.columnLength() <= 80, line.toString());
        }
        return lines.stream().map(l -> l.toString().substring(10)).collect(Collectors.joining(" "));
    }

    @Test
    void aTls13NavigationIsToldWithItsRealValues() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        result.steps.get(1).detail.put("addresses", List.of("127.0.0.1"));
        TraceEvent hello = new TraceEvent(TraceEvent.Kind.SENT, "tls", "tls13-ecdhe", 0, "ClientHello", "",
                Map.of("supported_versions", "TLSv1.3", "cipher_suites", "TLS_AES_128_GCM_SHA256,TLS_CHACHA20_POLY1305_SHA256"), 0);
        String text = explain(result, List.of(hello));
        assertTrue(text.contains("no HSTS entry for www.lab.test"), text);
        assertTrue(text.contains("dnsjava looked up www.lab.test and found 127.0.0.1 in 3.2 ms, spending one round trip"), text);
        assertTrue(text.contains("offering versions TLSv1.3, cipher suites TLS_AES_128_GCM_SHA256,TLS_CHACHA20_POLY1305_SHA256"), text);
        assertTrue(text.contains("The server chose TLSv1.3 with TLS_AES_128_GCM_SHA256 and x25519"), text);
        assertTrue(text.contains("ECDHE shared secret, which never crossed the wire"), text);
        assertTrue(text.contains("It was a full handshake"), text);
        assertTrue(text.contains("(RFC 8446 §4.4.4)"), text);
        assertTrue(text.contains("so the chain was accepted"), text);
        assertTrue(text.contains("the server answered 200 OK with 123 bytes"), text);
    }

    @Test
    void anHttp2ExchangeIsToldWithItsPrefaceSettingsAndStreams() {
        NavigationResult result = Results.ok("https://h2.lab.test/", 200, "tls13-ecdhe");
        result.http.version = "HTTP/2";
        result.http.reason = ""; // HTTP/2 has no reason phrase (RFC 9113 §8.3.2)
        String text = explain(result, ViewRenderersTest.handshakeThenHttp2());
        assertTrue(text.contains("the server answered 200 with"), text);
        assertTrue(text.contains("ALPN chose h2, so the request went as HTTP/2 (RFC 9113)"), text);
        assertTrue(text.contains("24-octet preface"), text);
        assertTrue(text.contains("HEADER_TABLE_SIZE 65536, ENABLE_PUSH 0, INITIAL_WINDOW_SIZE 6291456, MAX_HEADER_LIST_SIZE 262144"), text);
        assertTrue(text.contains("send 15663105 octets more"), text);
        assertTrue(text.contains("The server's own SETTINGS said MAX_CONCURRENT_STREAMS 100"), text);
        assertTrue(text.contains("on stream 1") && text.contains("HEADERS and 1 DATA frame."), text);
        assertTrue(text.contains("GOAWAY with NO_ERROR"), text);
    }

    @Test
    void anHttp11ExchangeHasNoHttp2Paragraph() {
        String text = explain(Results.ok("https://www.lab.test/", 200, "tls13-ecdhe"), List.of());
        assertTrue(!text.contains("HTTP/2"), text);
    }

    @Test
    void tls12RsaExplainsThePreMasterSecret() {
        NavigationResult result = Results.ok("https://rsa.lab.test/", 200, "tls12-rsa");
        result.tls = result.tls.toBuilder()
                .version("TLSv1.2")
                .group(null)
                .cipherSuite("TLS_RSA_WITH_AES_128_GCM_SHA256")
                .build();
        String text = explain(result, List.of());
        assertTrue(text.contains("48-byte pre-master secret, encrypted it with the public key"), text);
        assertTrue(text.contains("no forward secrecy"), text);
        assertTrue(text.contains("(RFC 5246 §7.4.9)"), text);
    }

    @Test
    void anHstsUpgradeAndARefusedCertificateAreSaidPlainly() {
        NavigationResult result = Results.ok("https://expired.lab.test/", 200, "jsse");
        result.url = "http://expired.lab.test/";
        result.hsts.upgraded = true;
        result.cert.valid = false;
        result.cert.error = "ERR_CERT_DATE_INVALID";
        result.cert.problems.add("leaf expired on 2020-01-01");
        String text = explain(result, List.of());
        assertTrue(text.contains("upgraded to https:// before DNS was even asked"), text);
        assertTrue(text.contains("It was refused with ERR_CERT_DATE_INVALID: leaf expired on 2020-01-01"), text);
    }

    @Test
    void aResumedSessionSaysWhatItSaved() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        result.tls = result.tls.toBuilder().resumed(true).build();
        assertTrue(explain(result, List.of()).contains("resumed from an earlier one, so the server sent no certificate"));
    }

    @Test
    void aHandshakeRefusedAtTheCertificateIsToldOnlyAsFarAsItWentAndEndsWithTheAlert() {
        NavigationResult result = Results.certificateExpired("https://expired.lab.test/", "tls13-ecdhe");
        String text = explain(result, List.of());
        assertTrue(text.contains("The server chose TLSv1.3 with TLS_AES_128_GCM_SHA256 and x25519, speaking http/1.1 (ALPN)."), text);
        assertTrue(text.contains("ClientHello →, ← ServerHello, ← EncryptedExtensions, ← Certificate."), text);
        assertTrue(text.contains("The handshake stopped at Certificate. The client sent a fatal certificate_expired alert because"
                + " the cert slot rejected the server's certificate: the leaf expired, and closed the connection."), text);
        assertTrue(!text.contains("Each side then sent Finished"), "no Finished went either way: " + text);
        assertTrue(!text.contains("pre-master secret"), "a TLS 1.3 handshake has no pre-master secret: " + text);
        assertTrue(!text.contains("full handshake: there was no earlier session"), text);
        assertTrue(!text.contains("null"), text);
    }

    @Test
    void aTls12HandshakeRefusedBeforeClientKeyExchangeDoesNotTellOfOne() {
        NavigationResult result = Results.certificateExpired("https://expired-tls12.lab.test/", "tls12-rsa");
        result.tls = result.tls.toBuilder()
                .version("TLSv1.2")
                .cipherSuite("TLS_RSA_WITH_AES_128_GCM_SHA256")
                .keyExchange("RSA")
                .group(null)
                .alpn(null)
                .messages(result.tls.messages().stream().filter(m -> !m.type().equals("EncryptedExtensions")).toList())
                .build();
        String text = explain(result, List.of());
        assertTrue(!text.contains("pre-master secret"), "no ClientKeyExchange went out: " + text);
        assertTrue(text.contains("ClientHello →, ← ServerHello, ← Certificate."), text);
        assertTrue(text.contains("certificate_expired alert"), text);
    }

    @Test
    void aHandshakeThatNegotiatedNothingNeverPrintsNullOrAKeyExchange() {
        NavigationResult result = Results.certificateExpired("https://www.lab.test/", "jsse");
        result.tls = result.tls.toBuilder()
                .version(null)
                .cipherSuite(null)
                .group(null)
                .alpn(null)
                .failedAt(null)
                .alertSent(null)
                .messages(result.tls.messages().stream().filter(m -> m.type().equals("ClientHello")).toList())
                .build();
        String text = explain(result, List.of());
        assertTrue(text.contains("No ServerHello came back: nothing was negotiated."), text);
        assertTrue(text.contains("The handshake failed."), text);
        assertTrue(!text.contains("null"), text);
        assertTrue(!text.contains("pre-master secret") && !text.contains("Each side then sent Finished"), text);
    }
}
