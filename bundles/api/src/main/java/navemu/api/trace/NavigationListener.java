package navemu.api.trace;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of a navigation as they happen (the shell's live view, a recorder…).
 *
 * <p>Contract: called on the navigating thread, in order; an implementation returns quickly,
 * never blocks on I/O that can stall, and never throws (a listener that throws is ignored
 * from then on by the navigator, which must not fail because a view did).
 */
@ConsumerType
@FunctionalInterface
public interface NavigationListener {

    void onEvent(TraceEvent event);

    NavigationListener NONE = event -> { };
}
