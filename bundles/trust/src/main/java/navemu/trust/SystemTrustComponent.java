package navemu.trust;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import navemu.api.Environment;
import navemu.api.cert.TrustAnchorProvider;

/**
 * Offers the system's CA bundle (and any extra PEM files) as trust anchors to every validator.
 * Configuration pid {@code navemu.trust}: {@code systemBundle} (default the Debian/Ubuntu path)
 * and {@code extra} (comma-separated PEM paths; relative ones are taken from the config directory).
 */
@Component(service = TrustAnchorProvider.class, configurationPid = "navemu.trust",
        property = "navemu.trust=system")
public class SystemTrustComponent implements TrustAnchorProvider {

    /** Settings (pid {@code navemu.trust}). */
    public @interface Config {
        String systemBundle() default "/etc/ssl/certs/ca-certificates.crt";

        String extra() default "";
    }

    private volatile TrustStore store;

    @Activate
    @Modified
    void configure(BundleContext context, Config config) {
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
