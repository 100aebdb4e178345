package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;

/**
 * Two navigations of one URL side by side: the steps in two columns aligned by step (a step
 * only one side ran faces a blank), every row that differs marked {@code ≠}, then the outcome
 * values, then one line that says what changed. With several runs per side ({@link ComparedSide}),
 * the times are medians and a last line says how they were measured.
 */
public final class CompareRenderer {

    /** An outcome value compared between the two sides. */
    private record Property(String name, Function<NavigationResult, Object> value) {
    }

    private static final List<Property> PROPERTIES = List.of(
            new Property("ok", r -> r.ok),
            new Property("error", r -> r.error),
            new Property("status", r -> r.status),
            new Property("finalUrl", r -> r.finalUrl),
            new Property("redirects", r -> r.redirects.size()),
            new Property("tls.version", r -> r.tls == null ? null : r.tls.version()),
            new Property("tls.cipherSuite", r -> r.tls == null ? null : r.tls.cipherSuite()),
            new Property("tls.group", r -> r.tls == null ? null : r.tls.group()),
            new Property("tls.resumed", r -> r.tls == null ? null : r.tls.resumed()),
            new Property("tls.messages", r -> r.tls == null ? null : r.tls.messages().size()),
            new Property("cert.valid", r -> r.cert == null ? null : r.cert.valid),
            new Property("cert.error", r -> r.cert == null ? null : r.cert.error),
            new Property("hsts.upgraded", r -> r.hsts == null ? null : r.hsts.upgraded),
            new Property("hsts.stored", r -> r.hsts == null ? null : r.hsts.stored),
            new Property("rtts", CompareRenderer::totalRtts));

    private static final String SAME = " │ ";
    private static final String DIFFERENT = " ≠ ";

    /** One run per side, as measured by the caller. */
    public List<AttributedString> render(NavigationResult left, String leftLabel, NavigationResult right,
                                         String rightLabel, int width) {
        return render(new ComparedSide(leftLabel, List.of(left)), new ComparedSide(rightLabel, List.of(right)), null, width);
    }

    /**
     * Each side's run at its median time step by step, the outcome values, each side's median time,
     * the summary, a line per side whose runs did not all end the same way, then
     * {@code howMeasured} (when given).
     */
    public List<AttributedString> render(ComparedSide leftSide, ComparedSide rightSide, String howMeasured, int width) {
        NavigationResult left = leftSide.representative();
        NavigationResult right = rightSide.representative();
        int column = Math.max(20, (width - SAME.length()) / 2);
        List<AttributedString> lines = new ArrayList<>();
        lines.add(new AttributedStringBuilder().style(Style.HEADING).append("compare ").append(String.valueOf(left.url))
                .style(Style.PLAIN).toAttributedString());
        lines.add(row(styled(leftSide.label(), Style.HEADING), styled(rightSide.label(), Style.HEADING), false, column));
        for (Row row : alignSteps(flatten(left), flatten(right))) {
            lines.add(row(cell(row.left), cell(row.right), row.differs(), column));
        }
        lines.add(row(styled("", Style.PLAIN), styled("", Style.PLAIN), false, column));
        for (Property property : PROPERTIES) {
            Object a = property.value.apply(left);
            Object b = property.value.apply(right);
            if (a == null && b == null) {
                continue;
            }
            boolean differs = !Objects.equals(a, b);
            lines.add(row(styled(property.name + " " + a, differs ? Style.CHANGED : Style.PLAIN),
                    styled(property.name + " " + b, differs ? Style.CHANGED : Style.PLAIN), differs, column));
        }
        boolean slower = timesDiffer(leftSide.medianMs(), rightSide.medianMs());
        lines.add(row(styled(time(leftSide), slower ? Style.CHANGED : Style.DIM),
                styled(time(rightSide), slower ? Style.CHANGED : Style.DIM), slower, column));
        TimeSplitText.total(left).or(() -> TimeSplitText.total(right)).ifPresent(any -> lines.add(row(styled(TimeSplitText.total(left).orElse(""),
                Style.DIM), styled(TimeSplitText.total(right).orElse(""), Style.DIM), false, column))); // where the time went (the representative run)
        lines.add(summary(leftSide, rightSide));
        for (ComparedSide side : List.of(leftSide, rightSide)) {
            if (side.outcomes().size() > 1) {
                List<String> counts = new ArrayList<>();
                side.outcomes().forEach((outcome, count) -> counts.add(count + "× " + outcome));
                lines.add(new AttributedStringBuilder().style(Style.CHANGED).append("runs differ: ").style(Style.PLAIN)
                        .append(side.label() + ": " + String.join(", ", counts)).toAttributedString());
            }
        }
        if (howMeasured != null) {
            lines.add(styled(howMeasured, Style.DIM));
        }
        return lines;
    }

    /** {@code time 46 ms} for one run; {@code time median 46 ms (40 ms–52 ms)} for several. */
    private static String time(ComparedSide side) {
        if (side.runs().size() == 1) {
            return "time " + Durations.ms(side.medianMs());
        }
        return "time median " + Durations.ms(side.medianMs()) + " (" + Durations.ms(side.fastestMs()) + "–"
                + Durations.ms(side.slowestMs()) + ")";
    }

    /** The one line that says what changed, e.g. {@code changed: tls.version TLSv1.3 → TLSv1.2; steps: tls impl jsse → tls12-rsa}. */
    public AttributedString summary(NavigationResult left, NavigationResult right) {
        return summary(new ComparedSide("left", List.of(left)), new ComparedSide("right", List.of(right)));
    }

    /** As {@link #summary(NavigationResult, NavigationResult)} for the runs at the median, with the median times. */
    public AttributedString summary(ComparedSide leftSide, ComparedSide rightSide) {
        NavigationResult left = leftSide.representative();
        NavigationResult right = rightSide.representative();
        List<String> changes = new ArrayList<>();
        for (Property property : PROPERTIES) {
            Object a = property.value.apply(left);
            Object b = property.value.apply(right);
            if (!Objects.equals(a, b)) {
                changes.add(property.name + " " + a + " → " + b);
            }
        }
        for (Row row : alignSteps(flatten(left), flatten(right))) {
            if (row.left == null) {
                changes.add("only the right ran " + row.right.step);
            } else if (row.right == null) {
                changes.add("only the left ran " + row.left.step);
            } else {
                if (!Objects.equals(row.left.impl, row.right.impl)) {
                    changes.add(row.left.step + " by " + row.left.impl + " → " + row.right.impl);
                }
                if (row.left.rtts != row.right.rtts) {
                    changes.add(row.left.step + " rtts " + row.left.rtts + " → " + row.right.rtts);
                }
                if (!Objects.equals(row.left.error, row.right.error)) {
                    changes.add(row.left.step + " error " + row.left.error + " → " + row.right.error);
                }
            }
        }
        String time = Durations.ms(leftSide.medianMs()) + " vs " + Durations.ms(rightSide.medianMs());
        if (changes.isEmpty()) {
            return new AttributedStringBuilder().style(Style.GOOD).append("same outcome; only the time differs (" + time + ")")
                    .style(Style.PLAIN).toAttributedString();
        }
        return new AttributedStringBuilder().style(Style.CHANGED).append("changed: ").style(Style.PLAIN)
                .append(String.join("; ", changes)).append(" (" + time + ")").toAttributedString();
    }

    /** A pair of steps facing each other; either side may be missing. */
    private record Row(StepResult left, StepResult right) {
        boolean differs() {
            if (left == null || right == null) {
                return true;
            }
            return !Objects.equals(left.impl, right.impl) || left.ok != right.ok
                    || !Objects.equals(left.error, right.error) || left.rtts != right.rtts;
        }
    }

    /** Every step of every hop, in the order they ran. */
    private static List<StepResult> flatten(NavigationResult result) {
        List<StepResult> steps = new ArrayList<>();
        for (Hop hop : result.redirects) {
            steps.addAll(hop.steps);
        }
        steps.addAll(result.steps);
        return steps;
    }

    /**
     * Aligns the two step sequences by step name with a longest common subsequence, so that
     * a step only one side ran (an HSTS upgrade hop, a redirect) faces a blank instead of
     * shifting every row after it.
     */
    private static List<Row> alignSteps(List<StepResult> a, List<StepResult> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = Objects.equals(a.get(i).step, b.get(j).step) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && Objects.equals(a.get(i).step, b.get(j).step)) {
                rows.add(new Row(a.get(i++), b.get(j++)));
            } else if (j >= b.size() || (i < a.size() && common[i + 1][j] >= common[i][j + 1])) {
                rows.add(new Row(a.get(i++), null));
            } else {
                rows.add(new Row(null, b.get(j++)));
            }
        }
        return rows;
    }

    /** Times worth pointing out: one at least twice the other, and 10 ms apart. */
    static boolean timesDiffer(double a, double b) {
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        return high - low >= 10 && high >= 2 * low;
    }

    private static int totalRtts(NavigationResult result) {
        int total = 0;
        for (StepResult step : flatten(result)) {
            total += step.rtts;
        }
        return total;
    }

    private static AttributedString cell(StepResult step) {
        return step == null ? styled("—", Style.DIM) : StepRow.of(step).brief();
    }

    private static AttributedString styled(String text, org.jline.utils.AttributedStyle style) {
        return new AttributedString(text, style);
    }

    private static AttributedString row(AttributedString left, AttributedString right, boolean differs, int column) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.append(fit(left, column));
        if (differs) {
            line.style(Style.CHANGED).append(DIFFERENT).style(Style.PLAIN);
        } else {
            line.style(Style.DIM).append(SAME).style(Style.PLAIN);
        }
        line.append(fit(right, column));
        return trimEnd(line.toAttributedString());
    }

    private static AttributedString fit(AttributedString text, int column) {
        if (text.columnLength() > column) {
            return new AttributedStringBuilder().append(text.columnSubSequence(0, column - 1)).append("…")
                    .toAttributedString();
        }
        AttributedStringBuilder padded = new AttributedStringBuilder().append(text);
        for (int i = text.columnLength(); i < column; i++) {
            padded.append(' ');
        }
        return padded.toAttributedString();
    }

    private static AttributedString trimEnd(AttributedString line) {
        String text = line.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return line.subSequence(0, end);
    }
}
