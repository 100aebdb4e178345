package navemu.shell;

import java.util.Optional;

import org.osgi.framework.BundleContext;

import navemu.api.lab.LabSites;
import navemu.api.nav.Composition;
import navemu.api.nav.Navigator;

/**
 * The services the shell works with, looked up at the moment a command needs them, so that
 * a bundle that is stopped, updated or installed while the shell runs is seen at once.
 */
public interface ShellServices {

    Optional<Navigator> navigator();

    Optional<Composition> composition();

    /** The lab's catalog of sites, when the lab bundle runs. */
    Optional<LabSites> labSites();

    /** The framework, for the lifecycle commands; empty outside OSGi (tests). */
    Optional<BundleContext> bundleContext();

    /** A framework property such as {@code navemu.home}. */
    Optional<String> property(String key);
}
