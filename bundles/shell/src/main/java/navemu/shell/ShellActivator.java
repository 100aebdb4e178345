package navemu.shell;

import java.util.Hashtable;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers the shell's entry point ({@link ShellEntry}) as the bundle starts. An activator, not a
 * Declarative Services component as every other navemu service is: the interactive prompt is
 * drawn before SCR (and the bundles it reads) has started, so the shell's own start must not need
 * it. The service goes with the bundle when it stops.
 */
public final class ShellActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(ToIntFunction.class, new ShellEntry(context), new Hashtable<>(Map.of("navemu.main", "shell")));
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the entry point with the bundle.
    }
}
