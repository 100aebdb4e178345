package navemu.shell.interactive;

import java.util.Collection;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import navemu.shell.ShellServices;

/**
 * Once the prompt is up, starts the background warm-ups that bundles offer (a {@code Runnable}
 * service with the property {@value #PROPERTY}; the navigator's makes the first navigation as
 * fast as the tenth), so that they use the time the person at the prompt takes to type. Starting
 * one returns at once: the prompt never waits for it. A warm-up honours its own off switch
 * ({@code -Dnavemu.prewarm=false}), and a batch run, which has no prompt, starts it at its first
 * navigation.
 */
final class PromptWarmup {

    static final String PROPERTY = "navemu.prewarm";

    private PromptWarmup() {
    }

    static void start(ShellServices services) {
        services.bundleContext().ifPresent(PromptWarmup::start);
    }

    private static void start(BundleContext context) {
        try {
            Collection<ServiceReference<Runnable>> warmups =
                    context.getServiceReferences(Runnable.class, "(" + PROPERTY + "=*)");
            for (ServiceReference<Runnable> reference : warmups) {
                // Kept (not ungot) while the shell runs, so the warm-up is not torn down under itself.
                Runnable warmup = context.getService(reference);
                if (warmup != null) {
                    warmup.run();
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException | SecurityException e) {
            // No warm-up: the first navigation is slower, nothing else changes.
        }
    }
}
