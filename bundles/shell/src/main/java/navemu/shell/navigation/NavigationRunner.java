package navemu.shell.navigation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import navemu.api.nav.Cancellation;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.Navigator;
import navemu.api.result.NavigationResult;
import navemu.shell.command.CommandException;

/**
 * Runs a navigation on a worker thread so the shell's thread stays free to take Ctrl-C.
 *
 * <p>{@link #interrupt()} cancels the request's {@link Cancellation}, which closes the sockets
 * the navigation has open; the navigator then returns its result (failed, aborted). Should a
 * navigator not return within a grace time ({@link #GRACE_MILLIS}) of the cancel, the shell stops waiting and
 * says so, rather than hang.
 */
public final class NavigationRunner {
    public static final long GRACE_MILLIS = 5_000;

    private final long graceMillis;
    private volatile Cancellation current;
    private volatile long cancelledAt;

    public NavigationRunner() {
        this(GRACE_MILLIS);
    }

    public NavigationRunner(long graceMillis) {
        this.graceMillis = graceMillis;
    }

    public NavigationResult run(Navigator navigator, NavigationRequest request) throws CommandException {
        FutureTask<NavigationResult> task = new FutureTask<>(() -> navigator.navigate(request));
        Thread worker = new Thread(task, "navemu-navigation");
        worker.setDaemon(true);
        cancelledAt = 0;
        current = request.cancellation();
        worker.start();
        try {
            while (true) {
                try {
                    return task.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    long since = cancelledAt;
                    if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(graceMillis)) {
                        task.cancel(true);
                        throw new CommandException("cancelled; the navigator did not stop within "
                                + graceMillis + " ms and was left behind");
                    }
                }
            }
        } catch (ExecutionException failure) {
            Throwable cause = failure.getCause();
            throw new CommandException("the navigator failed: " + cause, cause);
        } catch (InterruptedException interrupted) {
            request.cancellation().cancel();
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for the navigation");
        } finally {
            current = null;
        }
    }

    /** Cancels the navigation in flight, if any (Ctrl-C). */
    public void interrupt() {
        Cancellation running = current;
        if (running != null) {
            running.cancel();
            cancelledAt = System.nanoTime();
        }
    }
}
