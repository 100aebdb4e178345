package navemu.shell.command;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import navemu.tcp.emulated.api.LinkConditions;
import navemu.tcp.emulated.api.LinkControl;

/** The one class of the shell that touches the emulated link's API (an optional import). */
final class LinkSettings implements AutoCloseable {
    private final BundleContext context;
    private final ServiceReference<LinkControl> reference;
    private final LinkControl control;

    private LinkSettings(BundleContext context, ServiceReference<LinkControl> reference, LinkControl control) {
        this.context = context;
        this.reference = reference;
        this.control = control;
    }

    static Optional<LinkSettings> find(BundleContext context) {
        ServiceReference<LinkControl> reference = context.getServiceReference(LinkControl.class);
        if (reference == null) {
            return Optional.empty();
        }
        LinkControl control = context.getService(reference);
        return control == null ? Optional.empty() : Optional.of(new LinkSettings(context, reference, control));
    }

    String describe() {
        return "emulated link: " + control.conditions().describe();
    }

    List<String> presets() {
        // Each preset's description starts with its own name.
        return control.presets().values().stream().map(LinkConditions::describe).toList();
    }

    String apply(String setting, String value) {
        return "emulated link: " + control.apply(setting, value).describe();
    }

    @Override
    public void close() {
        context.ungetService(reference);
    }
}
