package navemu.hsts.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
import navemu.hsts.core.DynamicHstsStore;

/**
 * The {@code hsts} slot's {@code memory} implementation: RFC 6797 as a browser applies it, with
 * the Known HSTS Hosts held in memory only, so they last until this bundle stops (like a private
 * window). All rules live in {@link DynamicHstsStore}; this class is the OSGi face.
 */
@Component(service = HstsStore.class, property = {"navemu.slot=hsts", "navemu.impl=memory"})
public final class MemoryHstsStore implements HstsStore {

    private final DynamicHstsStore store = new DynamicHstsStore();

    @Override
    public Optional<HstsPolicy> lookup(String host, Instant now) {
        return store.lookup(host, now);
    }

    @Override
    public HstsUpdate observe(HstsObservation observation, Instant now) {
        return store.observe(observation, now);
    }

    @Override
    public List<HstsPolicy> list(Instant now) {
        return store.list(now);
    }

    @Override
    public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
        store.add(host, maxAge, includeSubDomains, now);
    }

    @Override
    public boolean delete(String host) {
        return store.delete(host);
    }

    @Override
    public void clear() {
        store.clear();
    }
}
