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
 * placed on a shared time axis sized to the terminal, and the step's time and round trips.
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
        int bar = Math.max(10, width - LABEL - SUFFIX - 2);
        lines.add(new AttributedStringBuilder().append(" ".repeat(LABEL)).style(Style.DIM).append("0")
                .append(" ".repeat(Math.max(1, bar - 1 - Durations.ms(end).length()))).append(Durations.ms(end))
                .style(Style.PLAIN).toAttributedString());
        for (Hop hop : result.redirects) {
            lines.add(new AttributedString((hop.internal ? "307 internal " : hop.status + " ") + hop.url, Style.HEADING));
            for (StepResult step : hop.steps) {
                lines.add(row(step, end, bar));
            }
        }
        if (!result.redirects.isEmpty()) {
            lines.add(new AttributedString(String.valueOf(result.finalUrl), Style.HEADING));
        }
        for (StepResult step : result.steps) {
            lines.add(row(step, end, bar));
        }
        return lines;
    }

    private static List<StepResult> all(NavigationResult result) {
        List<StepResult> steps = new ArrayList<>();
        result.redirects.forEach(hop -> steps.addAll(hop.steps));
        steps.addAll(result.steps);
        return steps;
    }

    private static AttributedString row(StepResult step, double end, int bar) {
        int from = (int) Math.floor(step.startMs / end * bar);
        int length = Math.max(1, (int) Math.round(step.durationMs / end * bar));
        from = Math.min(from, bar - 1);
        length = Math.min(length, bar - from);
        String label = StepRow.pad(" " + step.step + " " + (StepRow.empty(step.impl) ? "" : step.impl), LABEL);
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.append(label.length() > LABEL ? label.substring(0, LABEL) : label);
        line.style(Style.DIM).append("·".repeat(from)).style(step.ok ? Style.GOOD : Style.BAD)
                .append("█".repeat(length)).style(Style.DIM).append("·".repeat(bar - from - length)).style(Style.PLAIN);
        line.append("  ").append(StepRow.leftPad(Durations.ms(step.durationMs), 8)).append(" ")
                .append(step.rtts + " rtt");
        return line.toAttributedString();
    }
}
