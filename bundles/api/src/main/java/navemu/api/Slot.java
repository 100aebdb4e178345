package navemu.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The six steps of a navigation whose implementation the user can swap.
 *
 * <p>Every implementation registers its slot service with two properties:
 * {@value #PROPERTY_SLOT} (the {@link #key()} of its slot) and {@value #PROPERTY_IMPL}
 * (the short name the shell shows and {@code use SLOT IMPL} takes).
 */
public enum Slot {
    HSTS("hsts"),
    DNS("dns"),
    TCP("tcp"),
    TLS("tls"),
    CERT("cert"),
    SESSION("session");

    /** Service property naming the slot an implementation fills. */
    public static final String PROPERTY_SLOT = "navemu.slot";
    /** Service property naming the implementation, as typed in the shell. */
    public static final String PROPERTY_IMPL = "navemu.impl";

    private final String key;

    Slot(String key) {
        this.key = key;
    }

    /** The word the shell, the scripts and the JSON use for this slot. */
    public String key() {
        return key;
    }

    /** The slot named by {@code word} (case-insensitive), if there is one. */
    public static Optional<Slot> fromKey(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String wanted = word.toLowerCase(Locale.ROOT);
        for (Slot slot : values()) {
            if (slot.key.equals(wanted)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
