package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.Header;
import navemu.api.result.Hop;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;

/**
 * The {@code headers} view: every hop's request and response as {@code curl -v} shows them,
 * {@code > } for what navemu sent, {@code < } for what came back, fields in wire order and
 * repeats kept; {@code * } lines say which hop and what happened without a request (the HSTS
 * upgrade, a failure before any response).
 */
public final class HeadersRenderer {

    public List<AttributedString> render(NavigationResult result) {
        List<AttributedString> lines = new ArrayList<>();
        int hops = result.redirects.size() + 1;
        for (int i = 0; i < result.redirects.size(); i++) {
            Hop hop = result.redirects.get(i);
            lines.add(note(hopLine(hop.url, i + 1, hops)));
            if (hop.internal) {
                lines.add(note("internal 307 (HSTS) to " + hop.location + ": nothing was sent"));
            } else {
                exchange(lines, hop.http);
            }
            lines.add(new AttributedString(""));
        }
        lines.add(note(hopLine(result.finalUrl == null ? result.url : result.finalUrl, hops, hops)));
        if (result.http == null) {
            lines.add(note("no response" + (result.error == null ? "" : ": " + result.error
                    + (result.errorMessage == null ? "" : " (" + result.errorMessage + ")"))));
        } else {
            exchange(lines, result.http);
        }
        return lines;
    }

    private static String hopLine(String url, int index, int hops) {
        return hops == 1 ? String.valueOf(url) : url + " (hop " + index + " of " + hops + ")";
    }

    private static void exchange(List<AttributedString> lines, HttpInfo http) {
        if (http == null) {
            lines.add(note("no response"));
            return;
        }
        if (http.method != null) {
            lines.add(sent(http.method + " " + http.requestTarget + ("HTTP/2".equals(http.version) ? " HTTP/2" : " HTTP/1.1")));
            for (Header field : http.requestHeaders) {
                lines.add(field(">", field, Style.NAME));
            }
            lines.add(sent(""));
            if (http.requestBodyBytes > 0) {
                lines.add(note(http.requestBodyBytes + " bytes of request body sent"));
            }
        }
        lines.add(new AttributedStringBuilder().style(Style.HEADING).append("< ")
                .append(http.version == null ? "HTTP/1.1" : http.version).append(" " + http.status)
                .append(http.reason == null || http.reason.isEmpty() ? "" : " " + Printable.of(http.reason))
                .style(Style.PLAIN).toAttributedString());
        for (Header field : http.headers) {
            lines.add(field("<", field, Style.NAME));
        }
        lines.add(new AttributedString("<"));
    }

    private static AttributedString sent(String text) {
        return new AttributedStringBuilder().style(Style.HEADING).append(text.isEmpty() ? ">" : "> " + text)
                .style(Style.PLAIN).toAttributedString();
    }

    private static AttributedString field(String direction, Header field, org.jline.utils.AttributedStyle style) {
        return new AttributedStringBuilder().append(direction + " ").style(style).append(Printable.of(field.name))
                .style(Style.PLAIN).append(": " + Printable.of(field.value)).toAttributedString();
    }

    private static AttributedString note(String text) {
        return new AttributedString("* " + Printable.of(text), Style.DIM);
    }
}
