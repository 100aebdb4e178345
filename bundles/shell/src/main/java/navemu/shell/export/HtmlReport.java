package navemu.shell.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jline.utils.AttributedString;

import navemu.api.result.CertInfo;
import navemu.api.result.CertificateSummary;
import navemu.api.result.Hop;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.result.TlsInfo;
import navemu.api.trace.TraceEvent;
import navemu.shell.render.Durations;
import navemu.shell.render.Explainer;
import navemu.shell.render.ReusedConnection;
import navemu.shell.render.StepRow;

/**
 * One navigation as a single self-contained HTML page: the outcome (a failure said first, with
 * the step that failed and the alert), a DevTools-style waterfall, each handshake as an SVG
 * sequence diagram, the certificate chain and its verdict, the request and response headers,
 * every step with its details, and the plain-words account. Everything is inline (styles and SVG;
 * no scripts, no images, no fonts), so the page opens offline in any browser and fetches nothing.
 * Every value that came from the network is escaped ({@link HtmlText}).
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}"
            + "h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ddd}"
            + "table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left;vertical-align:top}"
            + ".ok{color:#1a7f37}.bad{color:#cf222e}.dim{color:#777}.nowrap{white-space:nowrap}.num{text-align:right}"
            + ".certificate{font-weight:600;margin:1em 0 .2em}"
            + ".failure{border:2px solid #cf222e;background:#fff0f0;border-radius:6px;padding:.6em 1em;margin:1em 0}"
            + ".failure h2{margin:0;border:0;color:#cf222e}.failure p{margin:.3em 0}"
            + ".verdict{display:inline-block;padding:.1em .6em;border-radius:1em;color:#fff;font-weight:600}"
            + ".verdict.ok{background:#1a7f37}.verdict.bad{background:#cf222e}"
            + "tr.request td{padding-top:.7em;font-weight:600;border-bottom:1px solid #eee}"
            + "tr.failed td{background:#fff0f0}"
            + ".lane{position:relative;height:1em;width:30em;background:#f3f3f3}"
            + ".detail{font-size:.85em;overflow-wrap:anywhere}"
            + ".bar{position:absolute;top:0;height:1em;background:#2f81f7}.bar.bad{background:#cf222e}"
            + ".headers th{font-weight:600;white-space:nowrap}.headers td{font-family:ui-monospace,monospace;font-size:.9em;"
            + "overflow-wrap:anywhere;white-space:pre-wrap}"
            + ".legend span{margin-right:1em;font-size:.85em;white-space:nowrap}"
            + ".legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}"
            + "svg{max-width:100%;height:auto;font-family:system-ui,sans-serif}"
            + "details{margin:.5em 0}summary{cursor:pointer;color:#444}";

    /** One hop of the navigation with what the report shows of it. */
    private record HopView(int number, String url, Integer status, String outcome, List<StepResult> steps, TlsInfo tls,
                           CertInfo cert, HttpInfo http, List<TraceEvent> events) {
    }

    public String write(NavigationResult result, List<TraceEvent> events) {
        List<HopView> hops = hops(result, events);
        HopView last = hops.get(hops.size() - 1);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>navemu: ").append(HtmlText.escape(result.url)).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>").append(HtmlText.escape(result.url)).append(" → ");
        if (result.ok) {
            html.append("<span class=\"ok\">").append(result.status).append("</span>");
        } else {
            html.append("<span class=\"bad\">").append(HtmlText.escape(result.error)).append("</span>");
        }
        html.append(" <span class=\"dim\">").append(HtmlText.escape(Durations.ms(result.totalMs))).append("</span></h1>\n");
        if (!result.ok) {
            failure(html, result, last);
        }
        html.append("<p class=\"dim\">composition: ");
        List<String> slots = new ArrayList<>();
        for (Map.Entry<String, String> slot : result.composition.entrySet()) {
            slots.add(HtmlText.escape(slot.getKey() + "=" + slot.getValue()));
        }
        html.append(String.join(" · ", slots)).append(" · started ").append(HtmlText.escape(result.startedAt)).append("</p>\n");

        html.append("<h2 id=\"waterfall\">Waterfall</h2>\n");
        List<WaterfallChart.Request> requests = new ArrayList<>();
        for (HopView hop : hops) {
            requests.add(new WaterfallChart.Request(hop.number() + ". " + hop.url() + (hop.outcome().isEmpty() ? "" : " → " + hop.outcome()),
                    hop.steps()));
        }
        html.append(WaterfallChart.svg(requests, result.totalMs)).append(WaterfallChart.legend());

        handshakes(html, hops);
        certificates(html, result.cert);
        headers(html, hops);
        steps(html, result, hops);
        html.append("<h2 id=\"explain\">In plain words</h2>\n");
        for (AttributedString line : new Explainer().explain(result, events, 10_000)) {
            String text = line.toString();
            html.append("<p><b>").append(HtmlText.escape(text.substring(0, Math.min(10, text.length())).strip())).append("</b> ")
                    .append(HtmlText.escape(text.length() > 10 ? text.substring(10) : "")).append("</p>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /**
     * The hops in order (each redirect, then the final one), each with its own events: a hop's
     * events begin at its {@code hsts} step, which every hop runs first. When the events do not
     * split that way (none recorded), the final hop gets them all.
     */
    private static List<HopView> hops(NavigationResult result, List<TraceEvent> events) {
        List<List<TraceEvent>> perHop = new ArrayList<>();
        for (TraceEvent event : events) {
            if (event.kind() == TraceEvent.Kind.STEP_START && "hsts".equals(event.step()) || perHop.isEmpty()) {
                perHop.add(new ArrayList<>());
            }
            perHop.get(perHop.size() - 1).add(event);
        }
        boolean split = perHop.size() == result.redirects.size() + 1;
        List<HopView> hops = new ArrayList<>();
        int number = 1;
        for (Hop hop : result.redirects) {
            String outcome = hop.internal ? "307 internal redirect (HSTS)" : hop.status == null ? "" : String.valueOf(hop.status);
            outcome += hop.location == null ? "" : " → " + hop.location;
            hops.add(new HopView(number, hop.url, hop.status, outcome, hop.steps, hop.tls, hop.cert, hop.http,
                    split ? perHop.get(number - 1) : List.of()));
            number++;
        }
        String outcome = result.ok ? String.valueOf(result.status) : String.valueOf(result.error);
        hops.add(new HopView(number, result.finalUrl == null ? result.url : result.finalUrl, result.status, outcome, result.steps,
                result.tls, result.cert, result.http, split ? perHop.get(perHop.size() - 1) : events));
        return hops;
    }

    /** A failed navigation says so first: the error, which step failed and why, the alert either way. */
    private static void failure(StringBuilder html, NavigationResult result, HopView last) {
        html.append("<div class=\"failure\" id=\"failure\"><h2>✗ ").append(HtmlText.escape(result.error)).append("</h2>\n");
        if (result.errorMessage != null) {
            html.append("<p>").append(HtmlText.escape(result.errorMessage)).append("</p>\n");
        }
        for (StepResult step : last.steps()) {
            if (!step.ok) {
                html.append("<p>failed step: <b class=\"failed-step\">").append(HtmlText.escape(step.step)).append("</b>")
                        .append(step.impl == null || step.impl.isEmpty() ? "" : " (" + HtmlText.escape(step.impl) + ")").append(" after ")
                        .append(HtmlText.escape(Durations.ms(step.durationMs))).append(" — ")
                        .append(HtmlText.escape(step.error)).append("</p>\n");
            }
        }
        TlsInfo tls = last.tls();
        if (tls != null) {
            if (tls.failedAt() != null) {
                html.append("<p>the handshake stopped at <b>").append(HtmlText.escape(tls.failedAt())).append("</b></p>\n");
            }
            if (tls.alertSent() != null) {
                html.append("<p>alert sent: <b>").append(HtmlText.escape(tls.alertSent())).append("</b>")
                        .append(tls.alertReason() == null ? "" : " — " + HtmlText.escape(tls.alertReason())).append("</p>\n");
            }
            if (tls.alertReceived() != null) {
                html.append("<p>alert received: <b>").append(HtmlText.escape(tls.alertReceived())).append("</b></p>\n");
            }
        }
        html.append("</div>\n");
    }

    /** Each hop's handshake as a sequence diagram: the final hop's open, earlier hops' folded. */
    private static void handshakes(StringBuilder html, List<HopView> hops) {
        html.append("<h2 id=\"ladder\">TLS handshake</h2>\n");
        HopView last = hops.get(hops.size() - 1);
        boolean any = false;
        for (HopView hop : hops) {
            StepResult tlsStep = step(hop.steps(), "tls");
            java.util.Optional<String> reused = ReusedConnection.of(hop.steps());
            if (tlsStep == null && reused.isPresent()) {
                // No handshake of its own: say whose connection carried it rather than draw nothing.
                any = true;
                html.append("<p class=\"dim\">request ").append(hop.number()).append(": ").append(HtmlText.escape(hop.url()))
                        .append(" · sent on reused connection #").append(HtmlText.escape(reused.get()))
                        .append(": no DNS, TCP or TLS for it; its TLS is that connection's handshake</p>\n");
                continue;
            }
            if (tlsStep == null) {
                continue;
            }
            any = true;
            boolean open = hop == last;
            // A folded hop's title is the <summary> itself: a block inside it would push the text off the marker's line.
            html.append(open ? "<div class=\"handshake\"><p class=\"dim\">" : "<details class=\"handshake\"><summary class=\"dim\">")
                    .append("request ").append(hop.number()).append(": ").append(HtmlText.escape(hop.url()));
            if (hop.tls() != null) {
                html.append(" · ").append(HtmlText.escape(tlsLine(hop.tls())));
            }
            html.append(open ? "</p>\n" : "</summary>\n");
            StepResult tcp = step(hop.steps(), "tcp");
            Object port = tcp == null ? null : tcp.detail.get("port");
            String server = host(hop.url()) + (port == null ? "" : ":" + port);
            html.append(HandshakeDiagram.svg("hs" + hop.number(), hop.events(), hop.tls(), tlsStep.ok ? null : tlsStep.error,
                    "client · navemu " + tlsStep.impl, "server · " + server));
            html.append(open ? "</div>\n" : "</details>\n");
        }
        if (!any) {
            html.append("<p class=\"dim\">no TLS handshake was made</p>\n");
        }
    }

    private static void certificates(StringBuilder html, CertInfo cert) {
        html.append("<h2 id=\"certificates\">Certificate chain</h2>\n");
        if (cert == null) {
            html.append("<p class=\"dim\">no certificate was seen</p>\n");
            return;
        }
        boolean good = cert.valid && !cert.lenient;
        html.append("<p><span class=\"verdict ").append(good ? "ok" : "bad").append("\">")
                .append(cert.valid ? (cert.lenient ? "accepted only by a lenient validator" : "✓ valid")
                        : "✗ " + HtmlText.escape(cert.error))
                .append("</span>").append(cert.validator == null ? "" : " <span class=\"dim\">by " + HtmlText.escape(cert.validator) + "</span>")
                .append("</p>\n");
        for (String problem : cert.problems) {
            html.append("<p class=\"bad problem\">✗ ").append(HtmlText.escape(problem)).append("</p>\n");
        }
        for (int i = 0; i < cert.chain.size(); i++) {
            CertificateSummary c = cert.chain.get(i);
            html.append("<p class=\"certificate\">certificate ").append(i + 1).append(" of ").append(cert.chain.size())
                    .append(i == 0 ? " · the server's" : "").append(c.trustAnchor() ? " · trust anchor" : "").append("</p>\n");
            html.append("<table>\n");
            row(html, "subject", c.subject());
            row(html, "issuer", c.issuer());
            if (c.san() != null && !c.san().isEmpty()) {
                row(html, "SANs", String.join(", ", c.san()));
            }
            row(html, "validity", c.notBefore() + " → " + c.notAfter());
            row(html, "key", c.keyType() + (c.keyBits() > 0 ? " " + c.keyBits() + " bits" : ""));
            row(html, "signature", c.signatureAlgorithm());
            row(html, "SHA-256", c.sha256());
            html.append("</table>\n");
        }
        if (!cert.checks.isEmpty()) {
            html.append("<details><summary>").append(cert.checks.size()).append(" checks</summary><ul>\n");
            for (String check : cert.checks) {
                html.append("<li>").append(HtmlText.escape(check)).append("</li>\n");
            }
            html.append("</ul></details>\n");
        }
    }

    /** The request each hop sent and the response it got: the final hop open, earlier hops folded. */
    private static void headers(StringBuilder html, List<HopView> hops) {
        html.append("<h2 id=\"headers\">Request and response headers</h2>\n");
        HopView last = hops.get(hops.size() - 1);
        for (HopView hop : hops) {
            StepResult http = step(hop.steps(), "http");
            boolean open = hop == last;
            if (http == null && hop.http() == null) {
                StepResult failed = hop.steps().stream().filter(s -> !s.ok).findFirst().orElse(null);
                if (open && failed != null) {
                    html.append("<p class=\"bad\">no request was sent: the navigation stopped at the ")
                            .append(HtmlText.escape(failed.step)).append(" step</p>\n");
                }
                continue;
            }
            html.append(open ? "<div><p class=\"dim\">" : "<details><summary class=\"dim\">").append("request ").append(hop.number())
                    .append(": ").append(HtmlText.escape(hop.url())).append(" → ").append(HtmlText.escape(hop.outcome()))
                    .append(open ? "</p>\n" : "</summary>\n");
            html.append("<table class=\"headers\">\n");
            TraceEvent sent = httpMessage(hop.events(), TraceEvent.Kind.SENT);
            boolean http2 = hop.http() != null && "HTTP/2".equals(hop.http().version);
            String requestLine = http2 && hop.http().method != null ? hop.http().method + " " + hop.http().requestTarget + " HTTP/2"
                    : sent != null ? sent.name() + " HTTP/1.1"
                    : hop.http() != null && hop.http().method != null ? hop.http().method + " " + hop.http().requestTarget + " HTTP/1.1"
                    : "GET " + hop.url();
            html.append("<tr><th colspan=\"2\">request: ").append(HtmlText.escape(requestLine)).append("</th></tr>\n");
            if (hop.http() != null && !hop.http().requestHeaders.isEmpty()) {
                hop.http().requestHeaders.forEach(header -> row(html, header.name, header.value));
            } else if (sent != null) {
                sent.fields().forEach((name, value) -> {
                    if (!name.equals("length")) {
                        row(html, name, value);
                    }
                });
            }
            if (hop.http() != null) {
                html.append("<tr><th colspan=\"2\">response: ").append(HtmlText.escape(hop.http().version + " " + hop.http().status
                        + " " + hop.http().reason)).append("</th></tr>\n");
                hop.http().headers.forEach(header -> row(html, header.name, header.value));
                html.append("<tr><td colspan=\"2\" class=\"dim\">").append(hop.http().bodyBytes).append(" bytes of body")
                        .append(hop.http().truncated ? " (truncated: navemu stopped reading)" : "").append("</td></tr>\n");
            } else {
                html.append("<tr><th colspan=\"2\" class=\"bad\">no response</th></tr>\n");
            }
            html.append("</table>\n").append(open ? "</div>\n" : "</details>\n");
        }
    }

    /**
     * Every step of every request with its time, round trips and details, a bar each on a shared
     * time axis; the step that failed is highlighted.
     */
    private static void steps(StringBuilder html, NavigationResult result, List<HopView> hops) {
        double end = Math.max(result.totalMs, 0.001);
        for (HopView hop : hops) {
            end = Math.max(end, endOf(hop.steps()));
        }
        html.append("<h2 id=\"steps\">Steps</h2>\n<table>\n<tr><th>step</th><th>impl</th><th></th><th>time</th>")
                .append("<th>round trips</th><th>detail</th></tr>\n");
        for (HopView hop : hops) {
            if (hops.size() > 1) {
                html.append("<tr class=\"request\"><td colspan=\"6\">request ").append(hop.number()).append(": ")
                        .append(HtmlText.escape(hop.url())).append(" <span class=\"dim\">→ ").append(HtmlText.escape(hop.outcome()))
                        .append("</span></td></tr>\n");
            }
            for (StepResult step : hop.steps()) {
                stepRow(html, step, end);
            }
        }
        html.append("</table>\n");
    }

    private static void stepRow(StringBuilder html, StepResult step, double end) {
        double left = step.startMs / end * 100;
        double width = Math.max(0.3, step.durationMs / end * 100);
        html.append("<tr").append(step.ok ? "" : " class=\"failed\"").append("><td class=\"nowrap ").append(step.ok ? "ok" : "bad")
                .append("\">").append(step.ok ? "✓ " : "✗ ").append(HtmlText.escape(step.step))
                .append("</td><td class=\"nowrap\">").append(HtmlText.escape(step.impl)).append("</td>")
                .append("<td><div class=\"lane\"><div class=\"bar").append(step.ok ? "" : " bad").append("\" style=\"left:")
                .append(String.format(java.util.Locale.ROOT, "%.2f", left)).append("%;width:")
                .append(String.format(java.util.Locale.ROOT, "%.2f", Math.min(width, 100 - left))).append("%\"></div></div></td>")
                .append("<td class=\"nowrap num\">").append(HtmlText.escape(Durations.ms(step.durationMs)))
                .append("</td><td class=\"num\">").append(step.rtts)
                .append("</td><td class=\"detail ").append(step.ok ? "dim" : "bad").append("\">")
                .append(HtmlText.escape(step.ok ? StepRow.detailText(step.detail) : step.error))
                .append("</td></tr>\n");
    }

    private static double endOf(List<StepResult> steps) {
        double end = 0;
        for (StepResult step : steps) {
            end = Math.max(end, step.startMs + step.durationMs);
        }
        return end;
    }

    private static StepResult step(List<StepResult> steps, String name) {
        StepResult found = null;
        for (StepResult step : steps) {
            if (name.equals(step.step)) {
                found = step;
            }
        }
        return found;
    }

    private static TraceEvent httpMessage(List<TraceEvent> events, TraceEvent.Kind kind) {
        for (TraceEvent event : events) {
            if ("http".equals(event.step()) && event.kind() == kind) {
                return event;
            }
        }
        return null;
    }

    /** What the handshake negotiated, in one line; what it never reached is left out. */
    private static String tlsLine(TlsInfo tls) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {tls.version(), tls.cipherSuite(), tls.group() == null ? null : "group " + tls.group(),
                tls.alpn() == null ? null : "alpn " + tls.alpn(), tls.sni() == null ? null : "sni " + tls.sni()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        parts.add(tls.resumed() ? "resumed" : tls.version() == null ? "not negotiated" : "full handshake");
        return String.join(" · ", parts);
    }

    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(HtmlText.escape(name)).append("</th><td>").append(HtmlText.escape(value)).append("</td></tr>\n");
    }

    static String escape(String text) {
        return HtmlText.escape(text);
    }
}
