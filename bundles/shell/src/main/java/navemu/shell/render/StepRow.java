package navemu.shell.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.StepResult;

/**
 * One step on one line, the same in the live view, the summary and the comparison:
 * {@code ✓ dns   dnsjava       3.2 ms  1 rtt  127.0.0.1 · asked 127.0.0.1:53 over udp}.
 *
 * @param running true while the step has started and not ended (live view only)
 */
public record StepRow(String step, String impl, boolean ok, boolean running, double durationMs, int rtts,
                      String error, String detail) {
    /** Where a folded detail continues: under the first character after {@code ✓ dns   dnsjava   3.2 ms 1 rtt}. */
    static final int DETAIL_COLUMN = 8;

    public static StepRow of(StepResult step) {
        return new StepRow(step.step, step.impl, step.ok, false, step.durationMs, step.rtts, step.error,
                detailText(step.detail));
    }

    /** The step's detail said for people ({@code 127.0.0.1:443 · port from HTTPS RR · connected in 1.3 ms}). */
    public static String detailText(Map<String, Object> detail) {
        return StepDetail.describe(detail);
    }

    /** Without the detail, for columns: {@code ✓ dns dnsjava 3.2 ms 1 rtt}. */
    public AttributedString brief() {
        AttributedStringBuilder line = new AttributedStringBuilder();
        mark(line);
        line.append(' ').append(pad(step, 5)).append(' ');
        line.style(Style.NAME).append(pad(empty(impl) ? "-" : impl, 12)).style(Style.PLAIN);
        if (running) {
            return line.toAttributedString();
        }
        line.append(' ').append(leftPad(Durations.ms(durationMs), 8)).append(' ').append(rttText());
        if (!ok && error != null) {
            line.append(' ').style(Style.BAD).append(error).style(Style.PLAIN);
        }
        return line.toAttributedString();
    }

    /** The full row on one line, cut to {@code width} columns: only for a live line, which must stay one line. */
    public AttributedString full(int width) {
        AttributedString text = unfolded();
        return text.columnLength() > width && width > 1 ? text.columnSubSequence(0, width - 1) : text;
    }

    /** The full row folded to {@code width}: a long detail goes on under the detail column, never cut. */
    public List<AttributedString> lines(int width) {
        return Fold.lines(unfolded(), width, DETAIL_COLUMN);
    }

    private AttributedString unfolded() {
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.append("  ").append(brief());
        if (!running && ok && !detail.isEmpty()) {
            line.append("  ").style(Style.DIM).append(detail).style(Style.PLAIN);
        }
        return line.toAttributedString();
    }

    public String rttText() {
        return String.format(Locale.ROOT, "%d rtt", rtts);
    }

    private void mark(AttributedStringBuilder line) {
        if (running) {
            line.style(Style.DIM).append("…").style(Style.PLAIN);
        } else if (ok) {
            line.style(Style.GOOD).append(Style.TICK).style(Style.PLAIN);
        } else {
            line.style(Style.BAD).append(Style.CROSS).style(Style.PLAIN);
        }
    }

    static boolean empty(String text) {
        return text == null || text.isEmpty();
    }

    static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text == null ? "" : text);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }

    static String leftPad(String text, int width) {
        StringBuilder padded = new StringBuilder();
        while (padded.length() + text.length() < width) {
            padded.append(' ');
        }
        return padded.append(text).toString();
    }
}
