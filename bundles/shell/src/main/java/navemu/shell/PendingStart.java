package navemu.shell;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;

/**
 * The bundles the launcher left for the interactive shell to start once its prompt is drawn, so
 * that the prompt does not share the machine with their start. The launcher registers that start
 * as a {@code RunnableFuture} service with the property {@value #PROPERTY}; it returns the lines
 * the start has to say (a bundle that did not start, a configuration problem). The shell runs it
 * on a thread of its own ({@link #begin}) and holds every command back until it is done
 * ({@link #await}), so none runs on half-started components. Without the service (a script, a
 * batch command, a test) nothing is pending.
 */
public final class PendingStart {
    /** Nothing to start: every wait returns at once. */
    public static final PendingStart NONE = new PendingStart(null);
    static final String PROPERTY = "navemu.start";
    /** Beyond the launcher's own wait for each service, so the launcher's verdict comes first. */
    static final long TIMEOUT_MS = 180_000;

    /** The launcher's start, or null when there is none. */
    private final RunnableFuture<?> start;
    private final AtomicBoolean begun = new AtomicBoolean();
    /** Complete once the start is done and the actions given to {@link #whenDone} have run. */
    private final CompletableFuture<List<String>> done = new CompletableFuture<>();

    private PendingStart(RunnableFuture<?> start) {
        this.start = start;
        if (start == null) {
            done.complete(List.of());
        }
    }

    /** The start the launcher registered in {@code context}, or {@link #NONE}. */
    public static PendingStart find(BundleContext context) {
        RunnableFuture<?> start = LauncherServices.first(context, RunnableFuture.class, "(" + PROPERTY + "=*)");
        // None: the launcher started every bundle before the shell.
        return start == null ? NONE : of(start);
    }

    /** The start {@code start} runs (returning the lines it has to say). */
    static PendingStart of(RunnableFuture<?> start) {
        return new PendingStart(start);
    }

    /**
     * Starts the bundles on a thread of its own, once; {@code whenDone} then gets the lines they
     * have to say, on that thread, before anyone waiting in {@link #await} goes on.
     */
    public void begin(Consumer<List<String>> whenDone) {
        if (start == null) {
            whenDone.accept(List.of());
            return;
        }
        if (!begun.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            start.run();
            List<String> lines = lines(start);
            try {
                whenDone.accept(lines);
            } finally {
                done.complete(lines);
            }
        }, "navemu-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** True once the start is done and its lines were said. */
    public boolean done() {
        return done.isDone();
    }

    /**
     * Waits until the start is done (at most {@value #TIMEOUT_MS} ms; the commands then see what
     * is there). Begins it first if nobody has, with nothing to say.
     */
    public void await() {
        begin(lines -> { });
        try {
            done.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // What did not start shows in the commands ("no navigator") and in `bundles`.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> lines(Future<?> start) {
        try {
            return ((List<?>) start.get()).stream().map(String::valueOf).toList();
        } catch (ExecutionException | ClassCastException | CancellationException e) {
            return List.of("navemu: warning: starting the bundles failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
