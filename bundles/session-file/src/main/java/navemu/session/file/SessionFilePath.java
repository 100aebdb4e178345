package navemu.session.file;

import java.nio.file.Path;

/**
 * The file named by the {@code path} property of pid {@code navemu.session.file}: a leading
 * {@code ${navemu.home}} stands for the navemu home, a leading {@code ~} for the user's home, and a
 * relative path is taken from the navemu home. Nothing configured means {@code <navemu.home>/sessions.json}.
 */
final class SessionFilePath {

    static final String DEFAULT_FILE_NAME = "sessions.json";
    private static final String HOME_PLACEHOLDER = "${navemu.home}";

    private SessionFilePath() {
    }

    /** The navemu home from the framework property, or {@code ~/.navemu} when the launcher set none. */
    static Path home(String property) {
        return property == null || property.isBlank()
                ? Path.of(System.getProperty("user.home"), ".navemu") : Path.of(property);
    }

    static Path resolve(Object configured, Path home) {
        String text = configured == null ? "" : configured.toString().strip();
        if (text.isEmpty()) {
            return home.resolve(DEFAULT_FILE_NAME);
        }
        if (text.startsWith(HOME_PLACEHOLDER)) {
            text = home + text.substring(HOME_PLACEHOLDER.length());
        } else if (text.equals("~") || text.startsWith("~/")) {
            text = System.getProperty("user.home") + text.substring(1);
        }
        return home.resolve(text); // an absolute text replaces home entirely
    }
}
