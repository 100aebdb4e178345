package navemu.shell;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import navemu.api.lab.LabSites;
import navemu.api.nav.Composition;
import navemu.api.nav.Navigator;

/**
 * The shell's services, tracked for as long as the shell runs. A tracker (not a DS field) so
 * that the running shell sees a navigator or lab that is stopped and started again while it
 * sits at the prompt.
 */
final class TrackedServices implements ShellServices, AutoCloseable {
    private final BundleContext context;
    private final ServiceTracker<Navigator, Navigator> navigator;
    private final ServiceTracker<Composition, Composition> composition;
    private final ServiceTracker<LabSites, LabSites> labSites;

    TrackedServices(BundleContext context) {
        this.context = context;
        this.navigator = new ServiceTracker<>(context, Navigator.class, null);
        this.composition = new ServiceTracker<>(context, Composition.class, null);
        this.labSites = new ServiceTracker<>(context, LabSites.class, null);
        navigator.open();
        composition.open();
        labSites.open();
    }

    @Override
    public Optional<Navigator> navigator() {
        return Optional.ofNullable(navigator.getService());
    }

    @Override
    public Optional<Composition> composition() {
        return Optional.ofNullable(composition.getService());
    }

    @Override
    public Optional<LabSites> labSites() {
        return Optional.ofNullable(labSites.getService());
    }

    @Override
    public Optional<BundleContext> bundleContext() {
        return Optional.of(context);
    }

    @Override
    public Optional<String> property(String key) {
        return Optional.ofNullable(context.getProperty(key));
    }

    @Override
    public void close() {
        try {
            navigator.close();
            composition.close();
            labSites.close();
        } catch (IllegalStateException bundleAlreadyStopped) {
            // The framework is shutting down; the trackers go with it.
        }
    }
}
