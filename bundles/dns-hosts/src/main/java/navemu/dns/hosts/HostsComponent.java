package navemu.dns.hosts;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import navemu.api.Environment;
import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.trace.StepTrace;

/**
 * Registers {@link HostsResolver} as the {@code dns} slot's {@code hosts} implementation. Pid
 * {@code navemu.dns.hosts}, property {@code file}: the hosts file; a relative path is taken from
 * the config directory (default {@code hosts}, i.e. {@code config/hosts}).
 */
@Component(service = DnsResolver.class, configurationPid = "navemu.dns.hosts",
        property = {Slot.PROPERTY_SLOT + "=dns", Slot.PROPERTY_IMPL + "=hosts"})
public class HostsComponent implements DnsResolver {

    /** Settings. */
    public @interface Config {
        String file() default "hosts";
    }

    private volatile HostsResolver resolver;

    @Activate
    @Modified
    void configure(BundleContext context, Config config) {
        Path path = Path.of(config.file().trim());
        String configDir = context.getProperty(Environment.CONFIG_DIR);
        if (!path.isAbsolute() && configDir != null) {
            path = Path.of(configDir).resolve(path);
        }
        resolver = new HostsResolver(path);
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        return resolver.resolve(host, trace);
    }
}
