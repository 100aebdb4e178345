package navemu.dns.hosts;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

import navemu.api.ConfigProblem;
import navemu.api.Environment;
import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.trace.StepTrace;

/**
 * Registers {@link HostsResolver} as the {@code dns} slot's {@code hosts} implementation. Pid
 * {@code navemu.dns.hosts}, property {@code file}: the hosts file; a relative path is taken from
 * the config directory (default {@code hosts}, i.e. {@code config/hosts}). Immediate, unlike the
 * other slot implementations (activated at their first navigation): a hosts file it can never
 * use is said at start.
 */
@Component(service = DnsResolver.class, configurationPid = "navemu.dns.hosts", immediate = true,
        property = {Slot.PROPERTY_SLOT + "=dns", Slot.PROPERTY_IMPL + "=hosts"})
public class HostsComponent implements DnsResolver {

    /** Settings. */
    public @interface Config {
        String file() default "hosts";
    }

    private volatile HostsResolver resolver;
    private ServiceRegistration<?> problem;

    @Activate
    @Modified
    synchronized void configure(BundleContext context, Config config) {
        Path path = Path.of(config.file().trim());
        String configDir = context.getProperty(Environment.CONFIG_DIR);
        if (!path.isAbsolute() && configDir != null) {
            path = Path.of(configDir).resolve(path);
        }
        resolver = new HostsResolver(path);
        withdrawProblem();
        // Read once now, so that a file this resolver can never use is said at start, not at the
        // first navigation that picks it (edits later are read again at the next navigation). A
        // missing file is no configuration error: navigations with this resolver then say so.
        HostsFile file = HostsFile.read(path);
        if (!file.readable() && java.nio.file.Files.exists(path)) {
            ConfigProblem unusable = new ConfigProblem("dns hosts", file.problems().get(0));
            problem = context.registerService(Supplier.class, unusable, unusable.properties());
        }
    }

    @Deactivate
    synchronized void withdrawProblem() {
        if (problem != null) {
            try {
                problem.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework withdrew it with the bundle
            }
            problem = null;
        }
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        return resolver.resolve(host, trace);
    }
}
