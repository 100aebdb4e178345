package navemu.shell.navigation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 *
 * <p>One worker thread is kept for a while and reused (a script of navigations does not start a
 * thread per line). A worker left behind by a navigator that never returned is given up with its
 * executor, so the next navigation gets a new worker and is not queued behind it.
 */
public final class NavigationRunner {
    public static final long GRACE_MILLIS = 5_000;

    /** How long an idle worker waits for the next navigation before it ends. */
    static final long IDLE_WORKER_SECONDS = 10;

    private final long graceMillis;
    /** Replaced when a navigation is left behind; used by the shell's one thread. */
    private ThreadPoolExecutor worker = newWorker();
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
        cancelledAt = 0;
        current = request.cancellation();
        worker.execute(task);
        try {
            while (true) {
                try {
                    return task.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    long since = cancelledAt;
                    if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(graceMillis)) {
                        task.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker();
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

    private static ThreadPoolExecutor newWorker() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_WORKER_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "navemu-navigation");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
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
