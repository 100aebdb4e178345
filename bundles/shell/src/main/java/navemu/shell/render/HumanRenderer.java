package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.CertInfo;
import navemu.api.result.Hop;
import navemu.api.result.HstsInfo;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.result.TlsInfo;
import navemu.api.result.TlsMessage;

/**
 * The summary {@code open} prints after a navigation: the outcome, each step with its
 * implementation, duration, round trips and key detail, then what TLS negotiated, the
 * certificate verdict, what HSTS did and the HTTP response.
 */
public final class HumanRenderer {

    /** Above this many redirect hops, {@code open} shows each hop on one line (as {@code open --compact}). */
    public static final int COMPACT_ABOVE_HOPS = 3;

    public List<AttributedString> render(NavigationResult result, int width) {
        return render(result, width, result.redirects.size() > COMPACT_ABOVE_HOPS);
    }

    /**
     * @param compact each redirect hop on one line (status, where it went, time, a failed step)
     *                instead of all its steps; the last hop is always shown in full
     */
    public List<AttributedString> render(NavigationResult result, int width, boolean compact) {
        List<AttributedString> lines = new ArrayList<>();
        lines.addAll(Fold.lines(headline(result), width, 4));
        int hopNumber = 1;
        for (Hop hop : result.redirects) {
            if (compact) {
                lines.addAll(Fold.lines(compactHopLine(hopNumber++, hop), width, 9));
                continue;
            }
            lines.addAll(Fold.lines(hopLine(hopNumber++, hop), width, 9));
            for (StepResult step : hop.steps) {
                lines.addAll(indent(StepRow.of(step).lines(width - 2)));
            }
        }
        if (!result.redirects.isEmpty()) {
            lines.addAll(Fold.lines(new AttributedStringBuilder().append("  ").style(Style.HEADING)
                    .append("hop " + hopNumber + "  ").style(Style.PLAIN).append(String.valueOf(result.finalUrl))
                    .toAttributedString(), width, 9));
        }
        for (StepResult step : result.steps) {
            List<AttributedString> rows = StepRow.of(step).lines(result.redirects.isEmpty() ? width : width - 2);
            lines.addAll(result.redirects.isEmpty() ? rows : indent(rows));
        }
        if (result.tls != null) {
            String reused = ReusedConnection.of(result.steps)
                    .map(number -> " · on reused connection #" + number + ": its handshake, not this request's").orElse("");
            lines.addAll(Fold.lines(section("tls", tlsText(result.tls) + reused), width, 8));
        }
        if (result.cert != null) {
            for (AttributedString line : certLines(result.cert)) {
                lines.addAll(Fold.lines(line, width, 8));
            }
        }
        String hsts = hstsText(result.hsts);
        if (!hsts.isEmpty()) {
            lines.addAll(Fold.lines(section("hsts", hsts), width, 8));
        }
        if (result.http != null) {
            lines.addAll(Fold.lines(section("http", httpText(result.http)), width, 8));
        }
        if (!result.ok && result.error != null) {
            lines.addAll(Fold.lines(new AttributedStringBuilder().append("  ").style(Style.BAD).append(Style.CROSS + " " + result.error)
                    .style(Style.PLAIN).append(result.errorMessage == null ? "" : ": " + result.errorMessage)
                    .toAttributedString(), width, 4));
        }
        return lines;
    }

    /** {@code hop 2  301  https://a/ → https://b/   12 ms  ✓ 5 steps}: one hop of a long chain on one line. */
    private static AttributedString compactHopLine(int number, Hop hop) {
        AttributedStringBuilder line = new AttributedStringBuilder().append("  ");
        line.style(Style.HEADING).append("hop " + number + "  ").style(Style.PLAIN);
        line.append(hop.internal ? "307 internal (HSTS)" : String.valueOf(hop.status)).append("  ");
        line.append(String.valueOf(hop.url));
        if (hop.location != null) {
            line.append(" → ").append(hop.location);
        }
        double millis = hop.steps.stream().mapToDouble(s -> s.durationMs).sum();
        line.style(Style.DIM).append("   " + Durations.ms(millis)).style(Style.PLAIN);
        StepResult failed = hop.steps.stream().filter(s -> !s.ok).findFirst().orElse(null);
        if (failed != null) {
            line.append("  ").style(Style.BAD).append(Style.CROSS + " " + failed.step + " " + failed.error).style(Style.PLAIN);
        } else {
            line.append("  ").style(Style.GOOD).append(Style.TICK).style(Style.PLAIN).append(" " + hop.steps.stream()
                    .map(s -> s.step).collect(java.util.stream.Collectors.joining(" ")));
        }
        return line.toAttributedString();
    }

    private static AttributedString headline(NavigationResult result) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.style(Style.HEADING).append(String.valueOf(result.url)).style(Style.PLAIN).append("  →  ");
        if (result.ok && result.status != null) {
            // HTTP/2 has no reason phrase (RFC 9113 §8.3.2): nothing is shown rather than a blank.
            String reason = result.http == null || result.http.reason == null || result.http.reason.isBlank() ? ""
                    : " " + result.http.reason;
            line.style(result.status < 400 ? Style.GOOD : Style.BAD).append(result.status + reason).style(Style.PLAIN);
        } else {
            line.style(Style.BAD).append(result.error == null ? "failed" : result.error).style(Style.PLAIN);
        }
        line.style(Style.DIM).append("   " + Durations.ms(result.totalMs)).style(Style.PLAIN);
        if (result.finalUrl != null && !result.finalUrl.equals(result.url)) {
            line.append("   final ").append(result.finalUrl);
        }
        return line.toAttributedString();
    }

    private static AttributedString hopLine(int number, Hop hop) {
        AttributedStringBuilder line = new AttributedStringBuilder().append("  ");
        line.style(Style.HEADING).append("hop " + number + "  ").style(Style.PLAIN).append(String.valueOf(hop.url));
        line.append(" → ");
        line.append(hop.internal ? "307 internal (HSTS)" : String.valueOf(hop.status));
        if (hop.location != null) {
            line.append(" → ").append(hop.location);
        }
        return line.toAttributedString();
    }

    static String tlsText(TlsInfo tls) {
        List<String> parts = new ArrayList<>();
        String before = tls.failedAt() == null ? "" : " (the handshake failed before it, at " + tls.failedAt() + ")";
        if (tls.version() == null) {
            // Nothing was settled: say so once instead of printing null for every field.
            parts.add("not negotiated: the handshake failed before a ServerHello came");
        } else {
            parts.add(tls.version());
            parts.add(tls.cipherSuite());
            parts.add(keyExchangeText(tls, before));
            parts.add("alpn " + (tls.alpn() != null ? tls.alpn()
                    : tls.failedAt() != null && "TLSv1.3".equals(tls.version()) && !reached(tls, "EncryptedExtensions")
                    ? "not negotiated" + before : "none"));
        }
        if (tls.sni() != null) {
            parts.add("sni " + tls.sni());
        }
        if (tls.version() != null) {
            parts.add(tls.resumed() ? "resumed" : "full handshake");
        }
        if (tls.earlyData()) {
            parts.add("early data accepted");
        }
        if (tls.alertSent() != null) {
            parts.add("sent " + tls.alertSent() + " alert");
        }
        if (tls.alertReceived() != null) {
            parts.add("received " + tls.alertReceived() + " alert");
        }
        return String.join(" · ", parts);
    }

    /** The group, or why there is none: RSA key exchange has no group; an ECDHE one not yet reached has none yet. */
    private static String keyExchangeText(TlsInfo tls, String before) {
        if (tls.group() != null) {
            return "group " + tls.group();
        }
        if ("RSA".equals(tls.keyExchange())) {
            return "no ECDHE group (RSA key exchange)";
        }
        if ("ECDHE".equals(tls.keyExchange())) {
            return "ECDHE group not negotiated" + before;
        }
        return tls.failedAt() != null ? "key exchange not negotiated" + before : "no ECDHE group (RSA key exchange)";
    }

    /** True when the server's {@code type} message went over the wire. */
    static boolean reached(TlsInfo tls, String type) {
        return tls.messages().stream().anyMatch(m -> type.equals(m.type()) && TlsMessage.SERVER_TO_CLIENT.equals(m.dir()));
    }

    private static List<AttributedString> certLines(CertInfo cert) {
        List<AttributedString> lines = new ArrayList<>();
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.style(Style.HEADING).append("  cert  ").style(Style.PLAIN);
        line.append(String.valueOf(cert.subject)).append("  issued by ").append(String.valueOf(cert.issuer)).append("  ");
        if (cert.valid && !cert.lenient) {
            line.style(Style.GOOD).append(Style.TICK + " valid");
        } else if (cert.valid) {
            line.style(Style.CHANGED).append("accepted only because the validator is lenient");
        } else {
            line.style(Style.BAD).append(Style.CROSS + " " + (cert.error == null ? "invalid" : cert.error));
        }
        line.style(Style.PLAIN).append(cert.validator == null ? "" : " (" + cert.validator + ")");
        lines.add(line.toAttributedString());
        for (String problem : cert.problems) {
            lines.add(new AttributedStringBuilder().append("        ").style(Style.BAD).append(problem)
                    .style(Style.PLAIN).toAttributedString());
        }
        return lines;
    }

    private static String hstsText(HstsInfo hsts) {
        if (hsts == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (hsts.upgraded) {
            parts.add("upgraded http:// to https:// before any packet left");
        }
        if (hsts.stored) {
            parts.add("policy stored");
        }
        if (hsts.note != null) {
            parts.add(hsts.note);
        }
        return String.join(" · ", parts);
    }

    private static String httpText(HttpInfo http) {
        List<String> parts = new ArrayList<>();
        parts.add((http.version == null ? "" : http.version + " ") + http.status
                + (http.reason == null || http.reason.isBlank() ? "" : " " + http.reason));
        String type = header(http, "Content-Type");
        if (type != null) {
            parts.add(type);
        }
        parts.add(http.bodyBytes + " bytes");
        if (http.insecure) {
            parts.add("not encrypted (http://)");
        }
        return String.join(" · ", parts);
    }

    private static String header(HttpInfo http, String name) {
        return http.first(name);
    }

    private static AttributedString section(String name, String text) {
        return new AttributedStringBuilder().style(Style.HEADING).append("  " + StepRow.pad(name, 4) + "  ")
                .style(Style.PLAIN).append(text).toAttributedString();
    }

    private static List<AttributedString> indent(List<AttributedString> lines) {
        List<AttributedString> out = new ArrayList<>();
        for (AttributedString line : lines) {
            out.add(new AttributedStringBuilder().append("  ").append(line).toAttributedString());
        }
        return out;
    }
}
