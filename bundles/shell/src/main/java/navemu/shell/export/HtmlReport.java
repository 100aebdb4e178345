package navemu.shell.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jline.utils.AttributedString;

import navemu.api.result.CertificateSummary;
import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.trace.TraceEvent;
import navemu.shell.render.Durations;
import navemu.shell.render.Explainer;
import navemu.shell.render.LadderRenderer;
import navemu.shell.render.StepRow;

/**
 * One navigation as a single self-contained HTML page: the outcome, the waterfall, the handshake
 * ladder, the certificate chain and the plain-words account. Everything is inline (styles, no
 * scripts, no images, no fonts), so the page opens offline in any browser and fetches nothing.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}"
            + "h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ddd}"
            + "table{border-collapse:collapse}td,th{padding:.2em .6em;text-align:left;vertical-align:top}"
            + ".ok{color:#1a7f37}.bad{color:#cf222e}.dim{color:#777}.nowrap{white-space:nowrap}.num{text-align:right}"
            + ".certificate{font-weight:600;margin:1em 0 .2em}"
            + "tr.request td{padding-top:.7em;font-weight:600;border-bottom:1px solid #eee}"
            + ".lane{position:relative;height:1em;width:30em;background:#f3f3f3}"
            + ".detail{font-size:.85em;overflow-wrap:anywhere}"
            + ".bar{position:absolute;top:0;height:1em;background:#2f81f7}.bar.bad{background:#cf222e}"
            // The ladder's arrows fit the page; a long field line wraps instead of running off it.
            + "pre{background:#f6f8fa;padding:1em;line-height:1.25;white-space:pre-wrap;overflow-wrap:anywhere}";

    public String write(NavigationResult result, List<TraceEvent> events) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>navemu: ").append(escape(result.url)).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>").append(escape(result.url)).append(" → ");
        if (result.ok) {
            html.append("<span class=\"ok\">").append(result.status).append("</span>");
        } else {
            html.append("<span class=\"bad\">").append(escape(result.error)).append("</span>");
        }
        html.append(" <span class=\"dim\">").append(escape(Durations.ms(result.totalMs))).append("</span></h1>\n");
        if (result.errorMessage != null) {
            html.append("<p class=\"bad\">").append(escape(result.errorMessage)).append("</p>\n");
        }
        html.append("<p class=\"dim\">composition: ");
        List<String> slots = new ArrayList<>();
        for (Map.Entry<String, String> slot : result.composition.entrySet()) {
            slots.add(escape(slot.getKey() + "=" + slot.getValue()));
        }
        html.append(String.join(" · ", slots)).append(" · started ").append(escape(result.startedAt)).append("</p>\n");
        waterfall(html, result);
        html.append("<h2 id=\"ladder\">TLS handshake</h2>\n<pre>");
        // Arrows are drawn 100 columns wide; a wider width only keeps long field lines whole (the page wraps them).
        for (AttributedString line : new LadderRenderer().render(events, result.tls, 10_000)) {
            html.append(escape(line.toString())).append('\n');
        }
        html.append("</pre>\n");
        certificates(html, result);
        html.append("<h2 id=\"explain\">In plain words</h2>\n");
        for (AttributedString line : new Explainer().explain(result, events, 10_000)) {
            html.append("<p><b>").append(escape(line.toString().substring(0, 10).strip())).append("</b> ")
                    .append(escape(line.toString().substring(10))).append("</p>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /**
     * The waterfall: one table row per step on a shared time axis, the steps of each request
     * (every redirect hop, then the final one) under a row naming that request, as DevTools
     * lists redirects.
     */
    private static void waterfall(StringBuilder html, NavigationResult result) {
        double end = Math.max(result.totalMs, 0.001);
        for (Hop hop : result.redirects) {
            end = Math.max(end, endOf(hop.steps));
        }
        end = Math.max(end, endOf(result.steps));
        html.append("<h2 id=\"waterfall\">Timeline</h2>\n<table>\n<tr><th>step</th><th>impl</th><th></th><th>time</th>")
                .append("<th>round trips</th><th>detail</th></tr>\n");
        int number = 1;
        for (Hop hop : result.redirects) {
            String answer = hop.internal ? "307 internal redirect (HSTS)" : hop.status == null ? "" : String.valueOf(hop.status);
            request(html, number++, hop.url, answer + (hop.location == null ? "" : " → " + hop.location));
            steps(html, hop.steps, end);
        }
        if (!result.redirects.isEmpty()) {
            request(html, number, result.finalUrl,
                    result.ok ? String.valueOf(result.status) : String.valueOf(result.error));
        }
        steps(html, result.steps, end);
        html.append("</table>\n");
    }

    private static double endOf(List<StepResult> steps) {
        double end = 0;
        for (StepResult step : steps) {
            end = Math.max(end, step.startMs + step.durationMs);
        }
        return end;
    }

    private static void request(StringBuilder html, int number, String url, String outcome) {
        html.append("<tr class=\"request\"><td colspan=\"6\">request ").append(number).append(": ").append(escape(url))
                .append(" <span class=\"dim\">→ ").append(escape(outcome)).append("</span></td></tr>\n");
    }

    private static void steps(StringBuilder html, List<StepResult> steps, double end) {
        for (StepResult step : steps) {
            double left = step.startMs / end * 100;
            double width = Math.max(0.3, step.durationMs / end * 100);
            html.append("<tr><td class=\"nowrap ").append(step.ok ? "ok" : "bad").append("\">").append(step.ok ? "✓ " : "✗ ")
                    .append(escape(step.step)).append("</td><td class=\"nowrap\">").append(escape(step.impl)).append("</td>")
                    .append("<td><div class=\"lane\"><div class=\"bar").append(step.ok ? "" : " bad").append("\" style=\"left:")
                    .append(String.format(Locale.ROOT, "%.2f", left)).append("%;width:")
                    .append(String.format(Locale.ROOT, "%.2f", Math.min(width, 100 - left))).append("%\"></div></div></td>")
                    .append("<td class=\"nowrap num\">").append(escape(Durations.ms(step.durationMs)))
                    .append("</td><td class=\"num\">").append(step.rtts)
                    .append("</td><td class=\"detail ").append(step.ok ? "dim" : "bad").append("\">")
                    .append(escape(step.ok ? StepRow.detailText(step.detail) : step.error))
                    .append("</td></tr>\n");
        }
    }

    private static void certificates(StringBuilder html, NavigationResult result) {
        html.append("<h2 id=\"certificates\">Certificate chain</h2>\n");
        if (result.cert == null) {
            html.append("<p class=\"dim\">no certificate was seen</p>\n");
            return;
        }
        html.append("<p class=\"").append(result.cert.valid && !result.cert.lenient ? "ok" : "bad").append("\">")
                .append(result.cert.valid ? (result.cert.lenient ? "accepted only by a lenient validator" : "valid")
                        : escape(result.cert.error))
                .append(result.cert.validator == null ? "" : " (" + escape(result.cert.validator) + ")").append("</p>\n");
        for (int i = 0; i < result.cert.chain.size(); i++) {
            CertificateSummary c = result.cert.chain.get(i);
            html.append("<p class=\"certificate\">certificate ").append(i + 1).append(" of ").append(result.cert.chain.size())
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
        for (String problem : result.cert.problems) {
            html.append("<p class=\"bad\">").append(escape(problem)).append("</p>\n");
        }
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
