package navemu.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the repository's {@code config/} for a test to break, given to navemu with {@code --config}. */
final class ConfigCopy {

    private ConfigCopy() {
    }

    /** Copies the repository's {@code config/} into {@code into} and returns {@code into}. */
    static Path of(Path into) throws IOException {
        Path source = Path.of(System.getProperty("navemu.scripts", "../config/scripts")).getParent();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = into.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return into;
    }
}
