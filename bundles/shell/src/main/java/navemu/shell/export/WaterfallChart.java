package navemu.shell.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import navemu.api.result.StepResult;
import navemu.shell.render.Durations;

/**
 * The requests of a navigation as DevTools' Network panel draws them: one row per request
 * (every redirect hop, then the final one), one bar split into its phases on a shared time axis —
 * HSTS (the browser's own lookup, DevTools' "queueing"), DNS lookup, initial connection, SSL,
 * request sent, waiting (time to first byte) and content download. The phases come from the
 * steps as {@link HarWriter} splits them: the http step's {@code sendMs}, {@code waitMs} and
 * {@code receiveMs}; without them the whole step is waiting. A step that failed is drawn red,
 * and its row ends there.
 */
final class WaterfallChart {
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 300;
    private static final int BAR_WIDTH = 560;
    private static final int ROW = 26;
    private static final int AXIS = 24;

    /** A phase as DevTools names and colours it. */
    enum Phase {
        HSTS("HSTS lookup", "#9e9e9e"), DNS("DNS lookup", "#0f9d8f"), CONNECT("initial connection", "#e8710a"),
        SSL("SSL", "#a142f4"), SEND("request sent", "#5e97f6"), WAIT("waiting (TTFB)", "#34a853"),
        DOWNLOAD("content download", "#1967d2");

        final String label;
        final String colour;

        Phase(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One request's row: its label, its steps, and whether it failed. */
    record Request(String label, List<StepResult> steps) {
    }

    private record Segment(Phase phase, double startMs, double durationMs, boolean failed, String step) {
    }

    static String svg(List<Request> requests, double totalMs) {
        double end = Math.max(totalMs, 0.001);
        for (Request request : requests) {
            for (StepResult step : request.steps()) {
                end = Math.max(end, step.startMs + step.durationMs);
            }
        }
        int height = AXIS + ROW * requests.size() + 6;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"waterfall\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"waterfall of the navigation's requests\">\n");
        for (int tick = 0; tick <= 4; tick++) {
            double x = LABEL_WIDTH + BAR_WIDTH * tick / 4.0;
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(AXIS - 4).append("\" x2=\"").append(num(x))
                    .append("\" y2=\"").append(height).append("\" stroke=\"#e1e4e8\"/><text x=\"").append(num(x))
                    .append("\" y=\"14\" font-size=\"11\" fill=\"#666\" text-anchor=\"").append(tick == 0 ? "start" : tick == 4 ? "end" : "middle")
                    .append("\">").append(HtmlText.escape(Durations.ms(end * tick / 4))).append("</text>");
        }
        svg.append('\n');
        int y = AXIS;
        for (Request request : requests) {
            boolean failed = request.steps().stream().anyMatch(step -> !step.ok);
            String label = request.label().length() > 44 ? request.label().substring(0, 43) + "…" : request.label();
            svg.append("<g class=\"request").append(failed ? " failed" : "").append("\"><title>")
                    .append(HtmlText.escape(request.label())).append("</title><text x=\"4\" y=\"").append(y + 17)
                    .append("\" font-size=\"12\" fill=\"").append(failed ? "#cf222e" : "#24292f").append("\">")
                    .append(HtmlText.escape((failed ? "✗ " : "") + label)).append("</text></g>");
            double last = 0;
            for (Segment segment : segments(request.steps())) {
                double x = LABEL_WIDTH + segment.startMs() / end * BAR_WIDTH;
                double width = Math.max(1.5, segment.durationMs() / end * BAR_WIDTH);
                width = Math.min(width, LABEL_WIDTH + BAR_WIDTH - x);
                svg.append("<rect class=\"phase ").append(segment.phase().cssClass()).append(segment.failed() ? " failed" : "")
                        .append("\" x=\"").append(num(x)).append("\" y=\"").append(y + 6).append("\" width=\"").append(num(width))
                        .append("\" height=\"14\" fill=\"").append(segment.failed() ? "#cf222e" : segment.phase().colour)
                        .append('"').append(segment.failed() ? " stroke=\"#82071e\" stroke-width=\"1.5\"" : "").append("><title>")
                        .append(HtmlText.escape(segment.phase().label + ": " + Durations.ms(segment.durationMs())
                                + (segment.failed() ? " — the " + segment.step() + " step failed here" : "")))
                        .append("</title></rect>");
                last = Math.max(last, segment.startMs() + segment.durationMs());
            }
            svg.append("<text x=\"").append(LABEL_WIDTH + BAR_WIDTH + 8).append("\" y=\"").append(y + 17)
                    .append("\" font-size=\"12\" fill=\"#57606a\">").append(HtmlText.escape(Durations.ms(spanOf(request.steps()))))
                    .append("</text>\n");
            y += ROW;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The legend under the chart: each phase's colour and name. */
    static String legend() {
        StringBuilder html = new StringBuilder("<p class=\"legend\">");
        for (Phase phase : Phase.values()) {
            html.append("<span><i style=\"background:").append(phase.colour).append("\"></i>").append(phase.label).append("</span> ");
        }
        return html.append("<span><i style=\"background:#cf222e\"></i>failed</span></p>\n").toString();
    }

    private static double spanOf(List<StepResult> steps) {
        if (steps.isEmpty()) {
            return 0;
        }
        double start = steps.get(0).startMs;
        double end = start;
        for (StepResult step : steps) {
            end = Math.max(end, step.startMs + step.durationMs);
        }
        return end - start;
    }

    private static List<Segment> segments(List<StepResult> steps) {
        List<Segment> segments = new ArrayList<>();
        for (StepResult step : steps) {
            boolean failed = !step.ok;
            switch (step.step) {
                case "hsts" -> segments.add(new Segment(Phase.HSTS, step.startMs, step.durationMs, failed, step.step));
                case "dns" -> segments.add(new Segment(Phase.DNS, step.startMs, step.durationMs, failed, step.step));
                case "tcp" -> segments.add(new Segment(Phase.CONNECT, step.startMs, step.durationMs, failed, step.step));
                case "tls" -> segments.add(new Segment(Phase.SSL, step.startMs, step.durationMs, failed, step.step));
                case "http" -> http(segments, step);
                default -> { }
            }
        }
        return segments;
    }

    /** The http step as send, wait and download when the navigator timed them, else all waiting. */
    private static void http(List<Segment> segments, StepResult step) {
        double send = number(step, HarWriter.SEND_MS);
        double wait = number(step, HarWriter.WAIT_MS);
        double receive = number(step, HarWriter.RECEIVE_MS);
        if (send < 0 || wait < 0 || receive < 0 || !step.ok) {
            segments.add(new Segment(Phase.WAIT, step.startMs, step.durationMs, !step.ok, step.step));
            return;
        }
        segments.add(new Segment(Phase.SEND, step.startMs, send, false, step.step));
        segments.add(new Segment(Phase.WAIT, step.startMs + send, wait, false, step.step));
        segments.add(new Segment(Phase.DOWNLOAD, step.startMs + send + wait, receive, false, step.step));
    }

    private static double number(StepResult step, String key) {
        Object value = step.detail.get(key);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
