package navemu.navigator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.ComponentServiceObjects;

import navemu.api.Slot;

/**
 * Every slot implementation registered now, by slot and name. Filled by the OSGi bind and
 * unbind callbacks of {@link CompositionComponent}; read by navigations on other threads.
 *
 * <p>An implementation is held by its {@link ComponentServiceObjects}, not by its object: naming
 * it (the shell's listings, {@code use}, a check that the active one is there) never activates
 * it; only the first navigation that needs it does (Declarative Services activates a delayed
 * component at its first {@code getService}). So a start activates none of the 20-odd
 * implementations, and a session activates the ones it uses. When its bundle goes, Declarative
 * Services releases what was obtained through the handle at unbind.
 */
final class SlotRegistry {
    private final Map<Slot, Map<String, Registered>> services = new EnumMap<>(Slot.class);

    SlotRegistry() {
        for (Slot slot : Slot.values()) {
            services.put(slot, new ConcurrentHashMap<>());
        }
    }

    /** Registers {@code service}; when two bundles claim the same name, the later one wins. */
    void add(Slot slot, String impl, ComponentServiceObjects<?> service) {
        services.get(slot).put(impl, new Registered(service));
    }

    /** Removes {@code service} if it is still the one registered under {@code impl}. */
    void remove(Slot slot, String impl, ComponentServiceObjects<?> service) {
        services.get(slot).computeIfPresent(impl, (name, registered) -> registered.handle.getServiceReference().equals(service.getServiceReference()) ? null : registered);
    }

    List<String> names(Slot slot) {
        List<String> names = new ArrayList<>(services.get(slot).keySet());
        Collections.sort(names);
        return names;
    }

    /** Whether an implementation of that name is registered now; activates nothing. */
    boolean contains(Slot slot, String impl) {
        return impl != null && services.get(slot).containsKey(impl);
    }

    /**
     * The implementation's object, activated now if nothing used it before; empty when none of
     * that name is registered, or when its activation failed (Declarative Services then gives
     * no object and logs why).
     */
    Optional<Object> find(Slot slot, String impl) {
        Registered registered = impl == null ? null : services.get(slot).get(impl);
        return registered == null ? Optional.empty() : Optional.ofNullable(registered.service());
    }

    /** One registered implementation: its handle, and its object once something asked for it. */
    private static final class Registered {
        private final ComponentServiceObjects<?> handle;
        private volatile Object service;

        Registered(ComponentServiceObjects<?> handle) {
            this.handle = handle;
        }

        /**
         * Gets the object once and keeps it: the services are singletons, and one obtained use
         * is what Declarative Services releases at unbind.
         */
        Object service() {
            Object known = service;
            if (known == null) {
                synchronized (this) {
                    if (service == null) {
                        service = handle.getService();
                    }
                    known = service;
                }
            }
            return known;
        }
    }
}
