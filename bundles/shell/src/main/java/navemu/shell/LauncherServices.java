package navemu.shell;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Looks up, once, a service the launcher registered for the shell (the start behind the prompt,
 * the prompt it drew): unlike the navigation services, which {@link TrackedServices} follows, these
 * are there from before the shell runs, or not at all.
 */
public final class LauncherServices {

    private LauncherServices() {
    }

    /** The first service of {@code type} matching {@code filter} that can still be had; null when none (or no context). */
    public static <T> T first(BundleContext context, Class<T> type, String filter) {
        if (context == null) {
            return null;
        }
        try {
            for (ServiceReference<T> reference : context.getServiceReferences(type, filter)) {
                T service = context.getService(reference);
                if (service != null) {
                    return service;
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // None to be had: the launcher registered none, or the framework is stopping.
        }
        return null;
    }
}
