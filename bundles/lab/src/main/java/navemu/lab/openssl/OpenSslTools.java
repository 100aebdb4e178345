package navemu.lab.openssl;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the programs an {@code openssl s_server} site needs on the PATH: {@code openssl} itself,
 * and {@code stdbuf} (GNU coreutils), which makes s_server's own messages line-buffered so that
 * they reach us in the order they were printed, between the raw bytes it copies from the peer.
 */
public record OpenSslTools(Path openssl, Path stdbuf) {

    /**
     * Overrides the PATH searched (same syntax), so that a test can run the lab as on a machine
     * without OpenSSL; not meant for users.
     */
    public static final String PATH_PROPERTY = "navemu.lab.path";

    /** Both programs, or empty when one is missing; {@link #missing()} says which. */
    public static Optional<OpenSslTools> find() {
        Optional<Path> openssl = onPath("openssl");
        Optional<Path> stdbuf = onPath("stdbuf");
        return openssl.isPresent() && stdbuf.isPresent()
                ? Optional.of(new OpenSslTools(openssl.get(), stdbuf.get())) : Optional.empty();
    }

    /** What is missing, in the words the lab listing uses, e.g. {@code needs openssl; not running}. */
    public static String missing() {
        String what = onPath("openssl").isEmpty() ? "openssl" : "stdbuf (GNU coreutils)";
        return "needs " + what + "; not running";
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getProperty(PATH_PROPERTY, System.getenv("PATH"));
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
