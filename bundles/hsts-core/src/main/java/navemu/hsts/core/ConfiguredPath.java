package navemu.hsts.file;

import java.nio.file.Path;

/** Where the HSTS file lives: the configured {@code path}, resolved against the navemu home. */
final class StorePaths {

    private static final String HOME_VARIABLE = "${navemu.home}";

    private StorePaths() {
    }

    /** The navemu home: the framework property, or {@code ~/.navemu} when the launcher set none. */
    static Path home(String property) {
        if (property == null || property.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".navemu");
        }
        return Path.of(property);
    }

    /**
     * The file named by the configuration value {@code configured}: {@code ${navemu.home}} and a
     * leading {@code ~} expanded, a relative path taken from {@code home}; {@code home/defaultName}
     * when nothing is configured.
     */
    static Path resolve(Object configured, Path home, String defaultName) {
        String text = configured == null ? "" : configured.toString().strip();
        if (text.isEmpty()) {
            return home.resolve(defaultName);
        }
        if (text.startsWith(HOME_VARIABLE)) {
            text = home + text.substring(HOME_VARIABLE.length());
        } else if (text.equals("~") || text.startsWith("~/")) {
            text = System.getProperty("user.home") + text.substring(1);
        }
        return home.resolve(text); // an absolute text replaces home entirely
    }
}
