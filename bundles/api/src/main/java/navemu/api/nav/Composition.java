package navemu.api.nav;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import navemu.api.Slot;

/**
 * The active implementation per slot, and every implementation registered now.
 *
 * <p>Implementations come and go with their bundles; the active choice is a name, kept even
 * while no implementation of that name is registered (then {@link #problem} says so, and a
 * navigation fails naming the empty slot).
 */
@ProviderType
public interface Composition {

    /** Names of the implementations registered for {@code slot} now, sorted. */
    List<String> implementations(Slot slot);

    /** The chosen implementation name per slot, in slot order. */
    Map<Slot, String> active();

    /**
     * Makes {@code impl} the active implementation of {@code slot}.
     *
     * @throws IllegalArgumentException naming the registered choices, when none is called {@code impl}
     */
    void use(Slot slot, String impl);

    /** The service of the implementation {@code impl} of {@code slot}, if registered. */
    <T> Optional<T> service(Slot slot, String impl, Class<T> type);

    /** The active implementation's service, if registered. */
    default <T> Optional<T> activeService(Slot slot, Class<T> type) {
        return service(slot, active().get(slot), type);
    }

    /** Empty, or why the slot cannot serve a navigation now (its implementation's bundle went away…). */
    Optional<String> problem(Slot slot);
}
