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
 * Every field is shown in full: an event too long for the width goes on over more lines.
 * Derived secrets are left out unless asked for, and then marked as sensitive.
 */
public final class TraceRenderer {
    /** Fields the line says already: the length is in the text, the count and duration in the step's end. */
    private static final java.util.Set<String> NOT_SHOWN = java.util.Set.of("length", "count", "durationMs");
    /** Where an event's description starts: after the time, the step and the label. */
    private static final int DESCRIPTION_COLUMN = 34;

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
            // Never cut: a line too long for the width puts each field on a line of its own
            // under the description, and folds a long value (a ClientHello's suites, a secret).
            lines.addAll(Fold.block(line.toAttributedString(), fields(event), width, DESCRIPTION_COLUMN, Style.PLAIN));
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
        return text.toString();
    }

    private static List<String> fields(TraceEvent event) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, String> field : event.fields().entrySet()) {
            if (!NOT_SHOWN.contains(field.getKey())) {
                fields.add(field.getKey() + '=' + field.getValue());
            }
        }
        return fields;
    }
}
