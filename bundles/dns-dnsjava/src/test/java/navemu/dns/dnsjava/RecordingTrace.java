package navemu.dns.dnsjava;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import navemu.api.trace.StepTrace;

/** Keeps what a step reported, so a test can read the trace back. */
final class RecordingTrace implements StepTrace {
    final List<String> lines = new ArrayList<>();
    final List<Map<String, String>> received = new ArrayList<>();
    final List<String> roundTrips = new ArrayList<>();
    final Map<String, Object> details = new LinkedHashMap<>();
    final List<String> threads = new ArrayList<>();

    private void on() {
        threads.add(Thread.currentThread().getName());
    }

    @Override public void info(String text) { on(); lines.add(text); }
    @Override public void sent(String message, int length, Map<String, String> fields) { on(); lines.add("> " + message + " " + fields); }
    @Override public void received(String message, int length, Map<String, String> fields) {
        on();
        lines.add("< " + message + " " + fields);
        received.add(fields);
    }
    @Override public void secret(String label, String hex) { on(); }
    @Override public void roundTrip(String why) { on(); roundTrips.add(why); }
    @Override public void detail(String key, Object value) { on(); details.put(key, value); }

    String text() {
        return String.join("\n", lines);
    }
}
