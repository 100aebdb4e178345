package navemu.api.nav;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops a navigation from another thread. Blocking socket reads do not notice an interrupt,
 * so the navigator registers what it has open here, and {@link #cancel()} closes it.
 */
public final class Cancellation {
    private final List<Closeable> open = new ArrayList<>();
    private boolean cancelled;

    public synchronized void cancel() {
        cancelled = true;
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing is all we can do; the navigating thread reports the outcome.
            }
        }
        open.clear();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Closes {@code resource} on cancel (at once, if already cancelled). */
    public synchronized void closeOnCancel(Closeable resource) {
        if (cancelled) {
            try {
                resource.close();
            } catch (IOException | RuntimeException ignored) {
                // as above
            }
            return;
        }
        open.add(resource);
    }

    public synchronized void forget(Closeable resource) {
        open.remove(resource);
    }
}
