package navemu.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which version of a store's file is on disk: its identity (inode, where the platform has one),
 * modification time and size. The file is replaced whole on every write, so a write by another
 * process almost always shows as a new version, and a store can re-read the file only then.
 *
 * <p>A hint, not a guarantee (a reused inode with the same coarse time and size looks unchanged),
 * so it is used only where a stale answer is harmless, such as a lookup; every change is still made
 * under the {@link StoreFileLock} on the file's latest contents.
 */
public final class FileVersion {

    private static final FileVersion ABSENT = new FileVersion(null, null, -1);

    private final Object key;
    private final Object modified;
    private final long size;

    private FileVersion(Object key, Object modified, long size) {
        this.key = key;
        this.modified = modified;
        this.size = size;
    }

    /** The version of {@code path} now; one "absent" version when it does not exist or cannot be seen. */
    public static FileVersion of(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new FileVersion(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return ABSENT;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileVersion that && size == that.size && Objects.equals(key, that.key)
                && Objects.equals(modified, that.modified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, modified, size);
    }
}
