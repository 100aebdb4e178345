package navemu.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves a corrupt file out of the way instead of overwriting it, so the user can still look at
 * it: {@code <name>.corrupt-<UTC time>} beside it, or {@code <name>.corrupt-<UTC time>-<n>} when
 * an earlier one of the same second is there already. Nothing is ever renamed over.
 */
public final class CorruptFileQuarantine {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CorruptFileQuarantine() {
    }

    /**
     * Renames {@code path} aside, stamped with {@code when}.
     *
     * @return where the file now is
     * @throws IOException when it cannot be renamed; it is then where it was
     */
    public static Path moveAside(Path path, Instant when) throws IOException {
        String base = path.getFileName() + ".corrupt-" + STAMP.format(when);
        Path aside = path.resolveSibling(base);
        for (int n = 1; Files.exists(aside); n++) {
            aside = path.resolveSibling(base + "-" + n);
        }
        return Files.move(path, aside);
    }
}
