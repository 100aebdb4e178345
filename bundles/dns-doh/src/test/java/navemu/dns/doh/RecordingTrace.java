package navemu.dns.doh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import navemu.api.trace.StepTrace;

/** A StepTrace that keeps everything, for assertions. */
final class RecordingTrace implements StepTrace {

    final List<String> infos = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    final List<Map<String, String>> received = new ArrayList<>();
    final List<String> roundTrips = new ArrayList<>();
    final Map<String, Object> details = new LinkedHashMap<>();

    @Override public synchronized void info(String text) { infos.add(text); }
    @Override public synchronized void sent(String message, int length, Map<String, String> fields) { sent.add(message + " " + fields); }
    @Override public synchronized void received(String message, int length, Map<String, String> fields) { received.add(fields); }
    @Override public void secret(String label, String hex) { }
    @Override public synchronized void roundTrip(String why) { roundTrips.add(why); }
    @Override public synchronized void detail(String key, Object value) { details.put(key, value); }
}
