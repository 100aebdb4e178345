package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;

import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;

/**
 * The {@code body} view: the final response's body as far as navemu keeps it (its first bytes,
 * as text), then how much that is of what was read, and whether the body was cut off at navemu's
 * read limit. Control characters are shown escaped: a body must not drive the terminal.
 */
public final class BodyRenderer {

    public List<AttributedString> render(NavigationResult result) {
        List<AttributedString> lines = new ArrayList<>();
        HttpInfo http = result.http;
        if (http == null) {
            lines.add(new AttributedString("no response, so no body" + (result.error == null ? "" : " (" + result.error + ")")));
            return lines;
        }
        String type = http.first("Content-Type");
        lines.add(new AttributedString(http.status + (http.reason == null || http.reason.isBlank() ? "" : " " + Printable.of(http.reason)) + " · "
                + (type == null ? "no Content-Type" : Printable.of(type)) + " · " + http.bodyBytes + " bytes read",
                Style.HEADING));
        if (http.bodyBytes == 0) {
            lines.add(new AttributedString("(empty body)", Style.DIM));
            return lines;
        }
        String preview = http.bodyPreview == null ? "" : http.bodyPreview;
        for (String line : preview.split("\r?\n", -1)) {
            lines.add(new AttributedString(Printable.of(line)));
        }
        if (http.bodyPreviewBytes < http.bodyBytes) {
            lines.add(new AttributedString("… the first " + http.bodyPreviewBytes + " of " + http.bodyBytes
                    + " bytes shown (navemu keeps the first " + http.bodyPreviewBytes + " as text)", Style.DIM));
        }
        if (http.truncated) {
            lines.add(new AttributedString("the body went on past navemu's limit: " + http.bodyBytes
                    + " bytes were read and the rest was not (http.truncated)", Style.CHANGED));
        }
        return lines;
    }
}
