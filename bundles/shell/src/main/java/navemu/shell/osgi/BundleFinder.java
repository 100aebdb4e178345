package navemu.shell.osgi;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import navemu.shell.command.CommandException;

/**
 * Finds a bundle by id, by exact symbolic name, or by a part of its symbolic name that only one
 * bundle has ({@code stop hsts-memory} finds {@code navemu-hsts-memory}).
 */
final class BundleFinder {

    private BundleFinder() {
    }

    static Bundle find(BundleContext context, String idOrName) throws CommandException {
        if (idOrName.matches("\\d+")) {
            Bundle bundle = context.getBundle(Long.parseLong(idOrName));
            if (bundle == null) {
                throw new CommandException("no bundle with id " + idOrName + " (see 'bundles')");
            }
            return bundle;
        }
        List<Bundle> partial = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (idOrName.equals(name)) {
                return bundle;
            }
            if (name != null && name.contains(idOrName)) {
                partial.add(bundle);
            }
        }
        if (partial.size() == 1) {
            return partial.get(0);
        }
        if (partial.isEmpty()) {
            throw new CommandException("no bundle called '" + idOrName + "' (see 'bundles')");
        }
        List<String> names = new ArrayList<>();
        for (Bundle bundle : partial) {
            names.add(bundle.getBundleId() + " " + bundle.getSymbolicName());
        }
        throw new CommandException("'" + idOrName + "' names several bundles: " + String.join(", ", names));
    }

    static List<String> names(BundleContext context) {
        List<String> names = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null) {
                names.add(bundle.getSymbolicName());
            }
        }
        return names;
    }

    static String state(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + bundle.getState();
        }
    }
}
