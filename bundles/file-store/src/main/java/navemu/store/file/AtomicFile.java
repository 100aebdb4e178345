package navemu.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One file that is only ever replaced whole. Writing goes to a temporary file in the same
 * directory (so the rename stays on one file system), is forced to disk, and is renamed over the
 * old file with {@link StandardCopyOption#ATOMIC_MOVE}: a reader, or a crash, sees the old file or
 * the new one, never a mixture, and no temporary file is left behind.
 *
 * <p>An {@linkplain #ownerOnly owner-only} file (one that holds secrets) is created
 * {@code rw-------} on file systems with POSIX permissions, and an existing one that is open to
 * others is tightened as soon as it is read, not at the next write.
 */
public final class AtomicFile {

    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path path;
    private final boolean ownerOnly;

    private AtomicFile(Path path, boolean ownerOnly) {
        this.path = path;
        this.ownerOnly = ownerOnly;
    }

    /** A file with the permissions the platform gives new files. */
    public static AtomicFile of(Path path) {
        return new AtomicFile(path, false);
    }

    /** A file of secrets: {@code rw-------} where the file system has POSIX permissions. */
    public static AtomicFile ownerOnly(Path path) {
        return new AtomicFile(path, true);
    }

    public Path path() {
        return path;
    }

    /**
     * The file's text; empty when the file does not exist yet.
     *
     * @throws CorruptFileException when the file is not UTF-8 text
     * @throws IOException          when the file cannot be read at all (or an owner-only file cannot be tightened)
     */
    public Optional<String> readText() throws IOException, CorruptFileException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return Optional.empty();
        } catch (MalformedInputException notUtf8) {
            throw new CorruptFileException("not UTF-8 text");
        }
        if (ownerOnly) {
            tightenPermissions();
        }
        return Optional.of(text);
    }

    /**
     * Replaces the file with {@code bytes}, atomically, creating the directory if needed.
     *
     * @throws IOException when the directory or the file cannot be written; the old file is then intact
     */
    public void write(byte[] bytes) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = ownerOnly && posix()
                ? Files.createTempFile(directory, path.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, path.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // on disk before the rename makes it the file
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** A file of secrets that others can read is made owner-only at once, not at the next write. */
    private void tightenPermissions() throws IOException {
        if (posix() && !Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }
}
