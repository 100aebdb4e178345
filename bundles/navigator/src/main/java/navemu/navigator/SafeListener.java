package navemu.navigator;

import navemu.api.trace.NavigationListener;
import navemu.api.trace.TraceEvent;

/** Shields a navigation from its listeners: one that throws is dropped, and the navigation goes on. */
final class SafeListener implements NavigationListener {
    private final NavigationListener delegate;
    private volatile boolean broken;

    SafeListener(NavigationListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (broken) {
            return;
        }
        try {
            delegate.onEvent(event);
        } catch (RuntimeException e) {
            broken = true;
        }
    }
}
