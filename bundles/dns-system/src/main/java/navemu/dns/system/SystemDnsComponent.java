package navemu.dns.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import navemu.api.NavigationException;
import navemu.api.Slot;
import navemu.api.dns.DnsAnswer;
import navemu.api.dns.DnsResolver;
import navemu.api.dns.ZoneServer;
import navemu.api.trace.StepTrace;

/** Registers {@link SystemResolver} as the {@code dns} slot's {@code system} implementation. */
@Component(service = DnsResolver.class, property = {Slot.PROPERTY_SLOT + "=dns", Slot.PROPERTY_IMPL + "=system"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public class SystemDnsComponent implements DnsResolver {

    private final List<ZoneServer> zones = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "navemu-dns-system");
        thread.setDaemon(true);
        return thread;
    });
    private final SystemResolver resolver = new SystemResolver(() -> new ArrayList<>(zones), Duration.ofSeconds(5),
            executor);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addZoneServer(ZoneServer zone) {
        zones.add(zone);
    }

    void removeZoneServer(ZoneServer zone) {
        zones.remove(zone);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public DnsAnswer resolve(String host, StepTrace trace) throws NavigationException {
        return resolver.resolve(host, trace);
    }
}
