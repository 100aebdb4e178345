package navemu.tls.boringssl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import navemu.api.trace.StepTrace;

/** Keeps what a step reported, so a test can read the trace back. */
final class RecordingTrace implements StepTrace {
    final List<String> lines = new ArrayList<>();
    final Map<String, Map<String, String>> sent = new LinkedHashMap<>();
    final Map<String, Map<String, String>> received = new LinkedHashMap<>();
    final List<String> roundTrips = new ArrayList<>();
    final Map<String, Object> details = new LinkedHashMap<>();

    @Override public void info(String text) { lines.add(text); }
    @Override public void sent(String message, int length, Map<String, String> fields) {
        lines.add("> " + message + " " + fields);
        sent.put(message, fields);
    }
    @Override public void received(String message, int length, Map<String, String> fields) {
        lines.add("< " + message + " " + fields);
        received.put(message, fields);
    }
    @Override public void secret(String label, String hex) { }
    @Override public void roundTrip(String why) { roundTrips.add(why); }
    @Override public void detail(String key, Object value) { details.put(key, value); }

    String text() {
        return String.join("\n", lines);
    }
}
