package navemu.shell.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.CertInfo;
import navemu.api.result.CertificateSummary;
import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.result.TlsInfo;
import navemu.api.result.TlsMessage;
import navemu.api.trace.TraceEvent;

/**
 * The last navigation told in plain words, step by step, with its real values: what {@code
 * explain} prints. Each paragraph is built only from what the result and the events say; where
 * they are silent, so is the paragraph.
 */
public final class Explainer {

    /**
     * When the last request went on a connection an earlier request opened (HTTP keep-alive), says
     * so: there was no DNS lookup, TCP connect or TLS handshake for it, and the TLS told below is the
     * one of the handshake that made the connection.
     */
    private static java.util.Optional<String> reusedConnection(NavigationResult result) {
        return ReusedConnection.of(result.steps)
                .map(number -> "The request went on connection #" + number
                        + ", which an earlier request opened and left open (HTTP keep-alive), as a browser reuses"
                        + " a connection to the same origin: no DNS lookup, TCP connect or TLS handshake happened for it."
                        + (result.tls == null ? "" : " The TLS told here is that connection's handshake."));
    }

    public List<AttributedString> explain(NavigationResult result, List<TraceEvent> events, int width) {
        return explain(result, events, width, false);
    }

    /** @param secrets tell the pre-master, master and other derived secrets too ({@code explain --secrets}) */
    public List<AttributedString> explain(NavigationResult result, List<TraceEvent> events, int width, boolean secrets) {
        List<AttributedString> lines = new ArrayList<>();
        HandshakeEvents handshake = HandshakeEvents.of(events);
        String host = host(result.url);
        paragraph(lines, "hsts", hsts(result, host), width);
        for (Hop hop : result.redirects) {
            paragraph(lines, "redirect", hop.internal
                    ? hop.url + " was rewritten to " + hop.location + " inside the browser (an internal 307): no packet left for it."
                    : hop.url + " answered " + hop.status + " and sent the browser on to " + hop.location
                    + "; the next request starts again from the HSTS check (on the open connection, when the origin"
                    + " is the same and the connection stayed open).", width);
        }
        reusedConnection(result).ifPresent(text -> paragraph(lines, "connection", text, width));
        step(result, "dns").ifPresent(dns -> paragraph(lines, "dns", dns(dns, host(result.finalUrl)), width));
        step(result, "tcp").ifPresent(tcp -> paragraph(lines, "tcp", tcp(tcp), width));
        boolean handshakeFailed = result.tls != null && (result.tls.failedAt() != null || result.tls.version() == null);
        if (handshakeFailed) {
            // A failed handshake: tell only what went over the wire, then the alert and why.
            paragraph(lines, "tls", tls(result.tls, step(result, "tls"), handshake), width);
            failedKeys(result.tls).ifPresent(text -> paragraph(lines, "keys", text, width));
            paragraph(lines, "wire", wire(result.tls), width);
        } else if (result.tls != null) {
            paragraph(lines, "tls", tls(result.tls, step(result, "tls"), handshake), width);
            for (HandshakeStory.Paragraph p : new HandshakeStory(result.tls, result.cert, handshake, secrets).paragraphs()) {
                paragraph(lines, p.title(), p.text(), width);
            }
            if (!secrets && !"TLSv1.3".equals(result.tls.version()) && handshake.secret("master_secret").isPresent()) {
                paragraph(lines, "", "('explain --secrets' also shows the pre-master and master secrets.)", width);
            } else if (!secrets && handshake.secret("master_secret").isPresent()) {
                paragraph(lines, "", "('explain --secrets' also shows the shared, handshake and master secrets.)", width);
            }
        }
        if (result.cert != null) {
            paragraph(lines, "cert", cert(result.cert, host(result.finalUrl)), width);
        }
        if (handshakeFailed) {
            paragraph(lines, "failed", failed(result.tls), width);
        }
        if (result.http != null) {
            paragraph(lines, "http", http(result), width);
            Http2Frames.story(events).ifPresent(text -> paragraph(lines, "http/2", text, width));
        }
        TimeSplitText.explain(result).ifPresent(text -> paragraph(lines, "time", text, width));
        if (!result.ok && result.error != null) {
            paragraph(lines, "outcome", "The navigation failed with " + result.error
                    + (result.errorMessage == null ? "." : ": " + result.errorMessage), width);
        }
        return lines;
    }

    private static String hsts(NavigationResult result, String host) {
        if (result.hsts != null && result.hsts.upgraded) {
            return host + " is on the browser's HSTS list, so the http:// URL was upgraded to https:// before DNS was even asked "
                    + "(RFC 6797 §8.3): no plaintext request was sent.";
        }
        Object policy = step(result, "hsts").map(s -> s.detail.get("policy")).orElse(null);
        if (policy != null) {
            // A known host typed with https:// has nothing to upgrade; the policy still holds for the next http:// URL.
            return "The browser holds an HSTS policy for " + host + " (" + policy + ")"
                    + (result.url != null && result.url.startsWith("https://")
                    ? "; the URL was already https://, so nothing had to change." : ".");
        }
        String base = "The browser found no HSTS entry for " + host + ", so the URL was used as typed";
        return result.url != null && result.url.startsWith("http://")
                ? base + ", and the first request goes out unencrypted." : base + ".";
    }

    private static String dns(StepResult dns, String host) {
        StringBuilder text = new StringBuilder(dns.impl + " looked up " + host);
        Object addresses = dns.detail.get("addresses");
        if (addresses != null) {
            text.append(" and found ").append(StepDetail.spelled(addresses));
        }
        text.append(" in ").append(Durations.ms(dns.durationMs));
        text.append(dns.rtts == 0 ? ", without a round trip (the answer was cached, or the host is an address)."
                : ", spending " + rtts(dns.rtts) + " on the network.");
        if (!dns.ok) {
            text.append(" It failed: ").append(dns.error).append('.');
        }
        return text.toString();
    }

    private static String tcp(StepResult tcp) {
        StringBuilder text = new StringBuilder(tcp.impl + " opened a TCP connection");
        Object address = tcp.detail.get("address");
        Object port = tcp.detail.get("port");
        if (address != null && port != null) {
            text.append(" to ").append(address).append(':').append(port);
        }
        Object source = tcp.detail.get("portSource");
        if (source != null) {
            text.append(" (the port came from ").append(source).append(')');
        }
        text.append(": SYN, SYN-ACK, ACK, ").append(rtts(tcp.rtts)).append(", ").append(Durations.ms(tcp.durationMs)).append('.');
        if (!tcp.ok) {
            text.append(" It failed: ").append(tcp.error).append('.');
        }
        return text.toString();
    }

    private static String tls(TlsInfo tls, Optional<StepResult> step, HandshakeEvents handshake) {
        Map<String, String> hello = handshake.first(true, "ClientHello").map(HandshakeEvents.Message::fields).orElse(Map.of());
        StringBuilder text = new StringBuilder();
        text.append(step.map(s -> s.impl + " sent a ClientHello").orElse("The client sent a ClientHello"));
        if (tls.sni() != null) {
            text.append(" naming ").append(tls.sni()).append(" (SNI)");
        }
        String versions = hello.get("supported_versions");
        String suites = hello.get("cipher_suites");
        String groups = hello.get("supported_groups");
        if (versions != null) {
            text.append(", offering versions ").append(versions);
        } else if (hello.get("client_version") != null) {
            text.append(", offering version ").append(hello.get("client_version"));
        }
        if (suites != null) {
            text.append(", cipher suites ").append(suites);
        }
        if (groups != null) {
            text.append(", key-exchange groups ").append(groups);
        }
        if (hello.get("key_share") != null) {
            text.append(", with key shares for ").append(hello.get("key_share"));
        }
        if (hello.get("alpn") != null) {
            text.append(", ALPN ").append(hello.get("alpn"));
        }
        if (hello.get("random") != null) {
            text.append(", and its 32-byte random ").append(hello.get("random"));
        }
        if (tls.version() == null) {
            text.append(". No ServerHello came back: nothing was negotiated.");
        } else {
            text.append(". The server chose ").append(tls.version()).append(" with ").append(tls.cipherSuite());
            if (tls.group() != null) {
                text.append(" and ").append(tls.group());
            }
            if (tls.alpn() != null) {
                text.append(", speaking ").append(tls.alpn()).append(" (ALPN)");
            }
            text.append('.');
            handshake.field(false, "ServerHello", "random").ifPresent(r -> text.append(" Its ServerHello random: ").append(r).append('.'));
        }
        if (tls.failedAt() != null || tls.version() == null) {
            step.ifPresent(s -> text.append(" The handshake failed after ").append(Durations.ms(s.durationMs)).append('.'));
            return text.toString();
        }
        step.ifPresent(s -> text.append(" The handshake took ").append(Durations.ms(s.durationMs)).append(" and ")
                .append(rtts(s.rtts)).append('.'));
        if (!tls.resumed()) {
            text.append(" It was a full handshake: there was no earlier session to resume")
                    .append(handshake.noted("did not accept our ticket") || handshake.noted("did not resume")
                            ? " that the server would take." : ".");
        }
        handshake.first(false, "Certificate").ifPresent(c -> text.append(" The server sent its certificate chain (")
                .append(c.field("certificates")).append(" certificates, leaf ").append(c.field("leaf")).append(")."));
        return text.toString();
    }

    /** The key exchange of a failed handshake, told only as far as it got. */
    private static Optional<String> failedKeys(TlsInfo tls) {
        if ("TLSv1.3".equals(tls.version())) {
            return Optional.of("Both sides sent an ephemeral " + (tls.group() == null ? "" : tls.group() + " ") + "public key in their "
                    + "key_share extensions and computed the same ECDHE shared secret; HKDF made the handshake traffic keys "
                    + "from it, which encrypted the rest of the server's flight (RFC 8446 §7.1). No application keys were made.");
        }
        boolean keyExchangeSent = tls.messages().stream().anyMatch(m -> "ClientKeyExchange".equals(m.type()));
        return keyExchangeSent ? Optional.of(keys(tls)) : Optional.empty();
    }

    /** The handshake messages that really crossed the wire, in order. */
    private static String wire(TlsInfo tls) {
        List<String> shown = new ArrayList<>();
        for (TlsMessage m : tls.messages()) {
            shown.add(TlsMessage.CLIENT_TO_SERVER.equals(m.dir()) ? m.type() + " →" : "← " + m.type());
        }
        return "The messages that went over the wire: " + (shown.isEmpty() ? "none" : String.join(", ", shown)) + '.';
    }

    /** Where the handshake stopped, and the alert that ended it, with its reason. */
    private static String failed(TlsInfo tls) {
        StringBuilder text = new StringBuilder(tls.failedAt() == null ? "The handshake failed."
                : "The handshake stopped at " + tls.failedAt() + '.');
        if (tls.alertSent() != null) {
            text.append(" The client sent a fatal ").append(tls.alertSent()).append(" alert");
            if (tls.alertReason() != null) {
                text.append(" because ").append(tls.alertReason().replaceAll("\\.+$", ""));
            }
            text.append(", and closed the connection.");
        } else if (tls.alertReceived() != null) {
            text.append(" The server sent a fatal ").append(tls.alertReceived()).append(" alert, which ended the connection.");
        } else {
            text.append(" No alert was exchanged: the connection ended or went silent.");
        }
        text.append(" Nothing after that was exchanged, so no Finished message was sent and no request went out.");
        return text.toString();
    }

    private static String keys(TlsInfo tls) {
        boolean tls13 = tls.version() != null && tls.version().endsWith("1.3");
        if (tls13) {
            return "Both sides sent an ephemeral " + (tls.group() == null ? "" : tls.group() + " ") + "public key in their key_share "
                    + "extensions. Each combined its own private key with the other's public key and got the same ECDHE "
                    + "shared secret, which never crossed the wire. HKDF turned it, mixed with the hash of the messages so far, "
                    + "into the handshake traffic keys and then the application traffic keys (RFC 8446 §7.1). Because the "
                    + "key shares are thrown away, a recording cannot be decrypted later even with the server's private key "
                    + "(forward secrecy).";
        }
        if (tls.group() == null) {
            return "RSA key exchange: the client made a 48-byte pre-master secret, encrypted it with the public key in the "
                    + "server's certificate and sent it in ClientKeyExchange. Only the holder of the certificate's private key "
                    + "can decrypt it. The PRF turned it and both hello randoms into the master secret, and that into the "
                    + "session keys (RFC 5246 §8.1). Anyone who later gets the server's private key can decrypt a recording: "
                    + "there is no forward secrecy.";
        }
        return "ECDHE key exchange: the server sent an ephemeral " + tls.group() + " public key in ServerKeyExchange, signed with "
                + "its certificate's key; the client answered with its own in ClientKeyExchange. Both computed the same "
                + "pre-master secret from them, and the PRF made the master secret and the session keys (RFC 5246 §8.1, RFC 8422).";
    }

    private static String cert(CertInfo cert, String host) {
        StringBuilder text = new StringBuilder("The server presented the certificate of ").append(cert.subject)
                .append(", issued by ").append(cert.issuer).append('.');
        if (!cert.chain.isEmpty()) {
            List<String> path = new ArrayList<>();
            for (CertificateSummary c : cert.chain) {
                path.add(c.subject());
            }
            CertificateSummary top = cert.chain.get(cert.chain.size() - 1);
            text.append(' ').append(cert.validator == null ? "The validator" : cert.validator).append(" built the chain ")
                    .append(String.join(" → ", path)).append('.');
            if (top.trustAnchor()) {
                text.append(" It ends at ").append(top.subject())
                        .append(", a trust anchor the browser already holds: that CA vouched for the site.");
            }
        }
        if (cert.valid && !cert.lenient) {
            text.append(" Every signature verified, every certificate was within its validity period, and the name ")
                    .append(host).append(" matched the certificate, so the chain was accepted.");
        } else if (cert.valid) {
            text.append(" It was accepted only because the validator is lenient; a browser would have refused it: ")
                    .append(String.join("; ", cert.problems)).append('.');
        } else {
            text.append(" It was refused with ").append(cert.error).append(": ").append(String.join("; ", cert.problems)).append('.');
        }
        return text.toString();
    }

    private static String http(NavigationResult result) {
        StringBuilder text = new StringBuilder();
        text.append(result.http.method == null ? "GET" : result.http.method).append(' ')
                .append(result.http.requestTarget == null ? "/" : result.http.requestTarget)
                .append(result.http.insecure ? " went out in plaintext" : " went out over the encrypted channel")
                .append(" and the server answered ").append(result.http.status)
                .append(result.http.reason == null || result.http.reason.isEmpty() ? "" : " " + result.http.reason)
                .append(" with ").append(result.http.bodyBytes).append(" bytes.");
        if (result.hsts != null && result.hsts.header != null) {
            text.append(" It sent Strict-Transport-Security: ").append(result.hsts.header).append(" — ")
                    .append(result.hsts.note == null ? (result.hsts.stored ? "stored." : "not stored.") : result.hsts.note);
        }
        return text.toString();
    }

    private static Optional<StepResult> step(NavigationResult result, String name) {
        return result.steps.stream().filter(s -> name.equals(s.step)).findFirst();
    }

    private static String rtts(int count) {
        return count == 1 ? "one round trip" : count + " round trips";
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? String.valueOf(url) : host;
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(url);
        }
    }

    /** A titled paragraph, wrapped at word boundaries to {@code width}. */
    private static void paragraph(List<AttributedString> lines, String title, String text, int width) {
        int indent = 10;
        int room = Math.max(30, width - indent - 1);
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (String whole : text.split(" ")) {
            String word = whole;
            // A word longer than a line (a 48-byte secret in hex) is split: never cut, never past the width.
            while (word.length() > room) {
                if (line.length() > 0) {
                    lines.add(prefixed(first ? title : "", line.toString(), indent));
                    first = false;
                    line.setLength(0);
                }
                lines.add(prefixed(first ? title : "", word.substring(0, room), indent));
                first = false;
                word = word.substring(room);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(prefixed(first ? title : "", line.toString(), indent));
                first = false;
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(prefixed(first ? title : "", line.toString(), indent));
        }
    }

    private static AttributedString prefixed(String title, String text, int indent) {
        return new AttributedStringBuilder().style(Style.HEADING).append(StepRow.pad(title, indent)).style(Style.PLAIN)
                .append(text).toAttributedString();
    }
}
