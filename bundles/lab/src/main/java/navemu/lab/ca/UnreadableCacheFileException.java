package navemu.lab.ca;

import java.nio.file.Path;

/** A file of the lab CA cache exists but cannot be used; the lab sets it aside and makes a new one. */
public final class UnreadableCacheFileException extends Exception {

    private final Path file;

    public UnreadableCacheFileException(Path file, String reason, Throwable cause) {
        super("lab CA cache file " + file + " is unreadable: " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
