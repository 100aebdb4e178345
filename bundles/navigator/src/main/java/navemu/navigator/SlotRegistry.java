package navemu.navigator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import navemu.api.Slot;

/**
 * Every slot implementation registered now, by slot and name. Filled by the OSGi bind and
 * unbind callbacks of {@link CompositionComponent}; read by navigations on other threads.
 */
final class SlotRegistry {
    private final Map<Slot, Map<String, Object>> services = new EnumMap<>(Slot.class);

    SlotRegistry() {
        for (Slot slot : Slot.values()) {
            services.put(slot, new ConcurrentHashMap<>());
        }
    }

    /** Registers {@code service}; when two bundles claim the same name, the later one wins. */
    void add(Slot slot, String impl, Object service) {
        services.get(slot).put(impl, service);
    }

    /** Removes {@code service} if it is still the one registered under {@code impl}. */
    void remove(Slot slot, String impl, Object service) {
        services.get(slot).remove(impl, service);
    }

    List<String> names(Slot slot) {
        List<String> names = new ArrayList<>(services.get(slot).keySet());
        Collections.sort(names);
        return names;
    }

    Optional<Object> find(Slot slot, String impl) {
        return impl == null ? Optional.empty() : Optional.ofNullable(services.get(slot).get(impl));
    }
}
