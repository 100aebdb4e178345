package navemu.trust;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

import navemu.api.ConfigProblem;
import navemu.api.Environment;
import navemu.api.cert.TrustAnchorProvider;

/**
 * Offers the system's CA bundle (and any extra PEM files) as trust anchors to every validator.
 * Configuration pid {@code navemu.trust}: {@code systemBundle} (default the Debian/Ubuntu path)
 * and {@code extra} (comma-separated PEM paths; relative ones are taken from the config directory).
 * Immediate: the validators that use it are activated only at their first navigation, and a
 * broken extra file must still be said at start.
 */
@Component(service = TrustAnchorProvider.class, configurationPid = "navemu.trust",
        property = "navemu.trust=system", immediate = true)
public class SystemTrustComponent implements TrustAnchorProvider {

    /** Settings (pid {@code navemu.trust}). */
    public @interface Config {
        String systemBundle() default "/etc/ssl/certs/ca-certificates.crt";

        String extra() default "";
    }

    private volatile TrustStore store;
    /** A {@link ConfigProblem} for each extra PEM file that did not read cleanly. */
    private final List<ServiceRegistration<?>> problems = new ArrayList<>();

    @Activate
    @Modified
    synchronized void configure(BundleContext context, Config config) {
        String configDir = context.getProperty(Environment.CONFIG_DIR);
        List<Path> extra = new ArrayList<>();
        for (String item : config.extra().split(",")) {
            if (!item.isBlank()) {
                Path path = Path.of(item.trim());
                if (!path.isAbsolute() && configDir != null) {
                    path = Path.of(configDir).resolve(path);
                }
                extra.add(path);
            }
        }
        store = new TrustStore(Path.of(config.systemBundle().trim()), extra);
        withdrawProblems();
        // The extra files are the user's own choice and small: a broken one is said at start. (The
        // system bundle is read on first use only; a missing one is said in this provider's name.)
        for (Path path : extra) {
            PemBundle bundle = PemBundle.read(path);
            for (String problem : bundle.problems()) {
                ConfigProblem unusable = new ConfigProblem("trust", path + ": " + problem
                        + (bundle.certificates().isEmpty() ? "; no trust anchor taken from it" : ""));
                problems.add(context.registerService(Supplier.class, unusable, unusable.properties()));
            }
        }
    }

    @Deactivate
    synchronized void withdrawProblems() {
        for (ServiceRegistration<?> problem : problems) {
            try {
                problem.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework withdrew it with the bundle
            }
        }
        problems.clear();
    }

    @Override
    public String name() {
        return store.name();
    }

    @Override
    public List<X509Certificate> anchors() {
        return store.anchors();
    }
}
