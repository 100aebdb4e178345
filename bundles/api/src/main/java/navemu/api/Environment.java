package navemu.api;

/**
 * Framework properties the launcher sets for every bundle (read them with
 * {@code BundleContext.getProperty}).
 */
public final class Environment {

    /**
     * The user's navemu directory (history, HSTS and session files, the lab CA cache).
     * Default {@code ~/.navemu}; tests point it at a temporary directory.
     */
    public static final String HOME = "navemu.home";

    /** The configuration directory: the repository's {@code config/} (or the copy inside the jar). */
    public static final String CONFIG_DIR = "navemu.config.dir";

    private Environment() {
    }
}
