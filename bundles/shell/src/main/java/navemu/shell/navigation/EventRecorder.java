package navemu.shell.navigation;

import java.util.ArrayList;
import java.util.List;

import navemu.api.trace.NavigationListener;
import navemu.api.trace.TraceEvent;

/** Keeps every event of one navigation, for {@code trace} and {@code ladder}. */
public final class EventRecorder implements NavigationListener {
    private final List<TraceEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(TraceEvent event) {
        events.add(event);
    }

    public synchronized List<TraceEvent> events() {
        return List.copyOf(events);
    }
}
