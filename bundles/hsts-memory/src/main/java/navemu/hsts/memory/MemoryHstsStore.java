package navemu.hsts.memory;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import navemu.api.hsts.HstsStore;
import navemu.hsts.core.ForwardingHstsStore;
import navemu.hsts.core.DynamicHstsStore;

/**
 * The {@code hsts} slot's {@code memory} implementation: RFC 6797 as a browser applies it, with
 * the Known HSTS Hosts held in memory only, so they last until this bundle stops (like a private
 * window). All rules live in {@link DynamicHstsStore}; this class is the OSGi face.
 */
@Component(service = HstsStore.class, property = {"navemu.slot=hsts", "navemu.impl=memory"},
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class MemoryHstsStore extends ForwardingHstsStore {

    private final DynamicHstsStore store = new DynamicHstsStore();

    @Override
    protected HstsStore delegate() {
        return store;
    }
}
