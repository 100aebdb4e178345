package navemu.lab.ca;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A value made in the background the first time someone asks for it: the lab's CA and each site's
 * certificate. With the CA cache filled, nothing is read at start-up; a site's key and certificate
 * are read when its first client connects (a cold cache instead starts every one at once, since
 * making them takes seconds).
 */
public final class OnDemand<T> {
    private final Supplier<CompletableFuture<T>> starter;
    private CompletableFuture<T> started;

    /** @param starter starts making the value (on a worker) and returns its future; called at most once */
    public OnDemand(Supplier<CompletableFuture<T>> starter) {
        this.starter = starter;
    }

    /** The value's future, starting to make it if nobody asked before. */
    public synchronized CompletableFuture<T> future() {
        if (started == null) {
            started = starter.get();
        }
        return started;
    }

    /** Whether anybody asked yet (the value may still be in the making). */
    public synchronized boolean isStarted() {
        return started != null;
    }
}
