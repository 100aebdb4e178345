package navemu.tls.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import navemu.api.trace.StepTrace;

/** Keeps what a handshake reported, for assertions. */
public final class RecordingTrace implements StepTrace {
    public final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    public final List<String> received = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, Map<String, String>> fieldsByMessage = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, String> secrets = Collections.synchronizedMap(new LinkedHashMap<>());
    public final List<String> roundTrips = Collections.synchronizedList(new ArrayList<>());
    public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, Object> details = Collections.synchronizedMap(new LinkedHashMap<>());

    @Override
    public void info(String text) {
        infos.add(text);
    }

    @Override
    public void sent(String message, int length, Map<String, String> fields) {
        sent.add(message);
        fieldsByMessage.put("C>S " + message, fields);
    }

    @Override
    public void received(String message, int length, Map<String, String> fields) {
        received.add(message);
        fieldsByMessage.put("S>C " + message, fields);
    }

    @Override
    public void secret(String label, String hex) {
        secrets.put(label, hex);
    }

    @Override
    public void roundTrip(String why) {
        roundTrips.add(why);
    }

    @Override
    public void detail(String key, Object value) {
        details.put(key, value);
    }
}
