package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.trace.TraceEvent;

/**
 * Every event of a navigation, one a line, timed from the first: what {@code trace} prints.
 * Derived secrets are left out unless asked for, and then marked as sensitive.
 */
public final class TraceRenderer {
    /** Fields the line says already: the length is in the text, the count and duration in the step's end. */
    private static final java.util.Set<String> NOT_SHOWN = java.util.Set.of("length", "count", "durationMs");

    public List<AttributedString> render(List<TraceEvent> events, boolean secrets, int width) {
        List<AttributedString> lines = new ArrayList<>();
        if (events.isEmpty()) {
            lines.add(new AttributedString("no events were recorded for the last navigation"));
            return lines;
        }
        long origin = events.get(0).atNanos();
        int hidden = 0;
        for (TraceEvent event : events) {
            if (event.sensitive() && !secrets) {
                hidden++;
                continue;
            }
            AttributedStringBuilder line = new AttributedStringBuilder();
            line.style(Style.DIM).append(String.format(Locale.ROOT, "%9.3f ms ", (event.atNanos() - origin) / 1e6))
                    .style(Style.PLAIN);
            line.append(StepRow.pad(event.step(), 8)).append(' ');
            line.style(styleOf(event)).append(StepRow.pad(label(event), 11)).style(Style.PLAIN).append(' ');
            line.append(describe(event));
            AttributedString text = line.toAttributedString();
            lines.add(text.columnLength() > width && !event.sensitive() ? text.columnSubSequence(0, width - 1) : text);
        }
        if (hidden > 0) {
            lines.add(new AttributedString(hidden + (hidden == 1 ? " secret" : " secrets")
                    + " hidden; 'trace --secrets' shows them", Style.DIM));
        }
        return lines;
    }

    private static String label(TraceEvent event) {
        switch (event.kind()) {
            case STEP_START: return "start";
            case STEP_END: return "end";
            case STEP_ERROR: return "error";
            case SENT: return "C>S";
            case RECEIVED: return "S>C";
            case INFO: return "info";
            case SECRET: return "SENSITIVE";
            default: return "round trip";
        }
    }

    private static org.jline.utils.AttributedStyle styleOf(TraceEvent event) {
        switch (event.kind()) {
            case STEP_END: return Style.GOOD;
            case STEP_ERROR: return Style.BAD;
            case SECRET: return Style.SENSITIVE;
            case ROUND_TRIP: return Style.CHANGED;
            default: return Style.NAME;
        }
    }

    private static String describe(TraceEvent event) {
        StringBuilder text = new StringBuilder();
        switch (event.kind()) {
            case STEP_START:
                text.append(event.impl() == null || event.impl().isEmpty() ? "" : "by " + event.impl());
                break;
            case STEP_END:
                text.append(event.roundTrips()).append(" rtt");
                break;
            case STEP_ERROR:
                text.append(event.name()).append(event.text() == null ? "" : ": " + event.text());
                break;
            case SECRET:
                text.append(event.name()).append(' ').append(event.text());
                break;
            case ROUND_TRIP:
                text.append(event.text() == null ? "" : event.text());
                break;
            default:
                // The navigator's text often repeats the name ("ClientHello (217 bytes)"): say it once.
                boolean textSaysAll = event.text() != null && event.name() != null && event.text().startsWith(event.name());
                if (!textSaysAll) {
                    text.append(event.name() == null ? "" : event.name());
                }
                if (event.text() != null && !event.text().isEmpty() && !event.text().equals(event.name())) {
                    text.append(text.length() == 0 ? "" : "  ").append(event.text());
                }
                break;
        }
        for (Map.Entry<String, String> field : event.fields().entrySet()) {
            if (NOT_SHOWN.contains(field.getKey())) {
                continue;
            }
            text.append("  ").append(field.getKey()).append('=').append(field.getValue());
        }
        return text.toString();
    }
}
