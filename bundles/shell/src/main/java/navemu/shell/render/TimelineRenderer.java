package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;

/**
 * A DevTools-style waterfall: one row per step (redirect hops first, each under its URL), a bar
 * placed on a shared time axis sized to the terminal, and the step's time and round trips, or,
 * when the step says where its time went, {@code 103 ms = 1 rtt 100 ms + client 2.1 ms + server 0.9 ms}.
 */
public final class TimelineRenderer {
    private static final int LABEL = 20;
    private static final int SUFFIX = 18;

    public List<AttributedString> render(NavigationResult result, int width) {
        List<AttributedString> lines = new ArrayList<>();
        double end = Math.max(result.totalMs, 0.001);
        for (StepResult step : all(result)) {
            end = Math.max(end, step.startMs + step.durationMs);
        }
        int suffix = SUFFIX;
        for (StepResult step : all(result)) {
            suffix = Math.max(suffix, suffix(step, true).length());
        }
        // Where the terminal is too narrow for the split and a bar, the bar wins.
        boolean split = width - LABEL - suffix - 2 >= 10;
        int bar = Math.max(10, width - LABEL - (split ? suffix : SUFFIX) - 2);
        lines.add(new AttributedStringBuilder().append(" ".repeat(LABEL)).style(Style.DIM).append("0")
                .append(" ".repeat(Math.max(1, bar - 1 - Durations.ms(end).length()))).append(Durations.ms(end))
                .style(Style.PLAIN).toAttributedString());
        for (Hop hop : result.redirects) {
            lines.add(new AttributedString((hop.internal ? "307 internal " : hop.status + " ") + hop.url, Style.HEADING));
            for (StepResult step : hop.steps) {
                lines.add(row(step, end, bar, split));
            }
        }
        if (!result.redirects.isEmpty()) {
            lines.add(new AttributedString(String.valueOf(result.finalUrl), Style.HEADING));
        }
        for (StepResult step : result.steps) {
            lines.add(row(step, end, bar, split));
        }
        return lines;
    }

    private static List<StepResult> all(NavigationResult result) {
        List<StepResult> steps = new ArrayList<>();
        result.redirects.forEach(hop -> steps.addAll(hop.steps));
        steps.addAll(result.steps);
        return steps;
    }

    private static AttributedString row(StepResult step, double end, int bar, boolean split) {
        int from = (int) Math.floor(step.startMs / end * bar);
        int length = Math.max(1, (int) Math.round(step.durationMs / end * bar));
        from = Math.min(from, bar - 1);
        length = Math.min(length, bar - from);
        String label = StepRow.pad(" " + step.step + " " + (StepRow.empty(step.impl) ? "" : step.impl), LABEL);
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.append(label.length() > LABEL ? label.substring(0, LABEL) : label);
        line.style(Style.DIM).append("·".repeat(from)).style(step.ok ? Style.GOOD : Style.BAD)
                .append("█".repeat(length)).style(Style.DIM).append("·".repeat(bar - from - length)).style(Style.PLAIN);
        line.append("  ").append(suffix(step, split));
        return line.toAttributedString();
    }

    private static String suffix(StepResult step, boolean split) {
        String time = StepRow.leftPad(Durations.ms(step.durationMs), 8);
        String plain = time + " " + step.rtts + " rtt";
        return split ? TimeSplitText.of(step).map(parts -> time + " = " + parts).orElse(plain) : plain;
    }
}
