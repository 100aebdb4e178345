package navemu.navigator;

/** A true/false setting of {@code navemu.navigator.cfg} ({@code reuse}, {@code http2}). */
final class BooleanSetting {
    private BooleanSetting() {
    }

    /**
     * @param absent the value when the key is missing or blank
     * @throws IllegalArgumentException for anything but {@code true} or {@code false} (any case),
     *                                  with a message naming the file, the key and the value
     */
    static boolean parse(String key, Object value, boolean absent) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            return absent;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(Deadlines.FILE + ": " + key + "=" + text + " refused (true or false)");
    }
}
