package navemu.session.store;

/**
 * The {@code capacity} property of a session store's configuration: how many entries it keeps
 * before the least recently used go. Read the same way by the {@code memory} and {@code file} stores.
 */
public final class StoreCapacity {

    /** Enough for a browsing session's worth of servers; a browser's own cache is of this order. */
    public static final int DEFAULT = 256;

    private StoreCapacity() {
    }

    /**
     * The capacity named by {@code configured} (a number or its text), {@link #DEFAULT} when nothing
     * is configured.
     *
     * @throws IllegalArgumentException when the value is not a whole number of at least 1 (the message says which value)
     */
    public static int from(Object configured) {
        if (configured == null || configured.toString().isBlank()) {
            return DEFAULT;
        }
        String text = configured.toString().strip();
        int capacity;
        try {
            capacity = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("capacity \"" + text + "\" is not a whole number");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is less than 1");
        }
        return capacity;
    }
}
