package navemu.hsts.core;

import java.nio.file.Path;

/**
 * The file an {@code hsts} implementation is configured to use (the {@code path} property of
 * its ConfigAdmin pid), resolved the same way by every implementation: {@code ${VARIABLE}} at the
 * start stands for a base directory (the navemu home, the config directory), a leading {@code ~}
 * for the user's home, and a relative path is taken from the base directory.
 */
public final class ConfiguredPath {

    private ConfiguredPath() {
    }

    /**
     * The directory named by the framework property {@code property}, or {@code fallback} when the
     * launcher did not set it.
     */
    public static Path directory(String property, Path fallback) {
        return property == null || property.isBlank() ? fallback : Path.of(property);
    }

    /** The navemu home by default: {@code ~/.navemu}. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".navemu");
    }

    /**
     * The file named by the configuration value {@code configured}, with {@code ${variable}} and a
     * leading {@code ~} expanded and a relative path taken from {@code base};
     * {@code base/defaultName} when nothing is configured.
     */
    public static Path resolve(Object configured, String variable, Path base, String defaultName) {
        String text = configured == null ? "" : configured.toString().strip();
        if (text.isEmpty()) {
            return base.resolve(defaultName);
        }
        String placeholder = "${" + variable + "}";
        if (text.startsWith(placeholder)) {
            text = base + text.substring(placeholder.length());
        } else if (text.equals("~") || text.startsWith("~/")) {
            text = System.getProperty("user.home") + text.substring(1);
        }
        return base.resolve(text); // an absolute text replaces base entirely
    }
}
