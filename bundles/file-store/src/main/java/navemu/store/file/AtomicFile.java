package navemu.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One file that is only ever replaced whole. Writing goes to a temporary file in the same
 * directory (so the rename stays on one file system), is forced to disk, and is renamed over the
 * old file with {@link StandardCopyOption#ATOMIC_MOVE}; then the directory is forced too, so the
 * rename itself survives a power cut. A reader, or a crash, sees the old file or the new one, never
 * a mixture. A crash between creating the temporary file and the rename leaves it behind:
 * {@link #removeStaleTemporaries()} removes such leftovers (they may hold secrets) when a store
 * starts, under its {@link StoreFileLock}.
 *
 * <p>A file larger than {@link #MAX_BYTES} is refused unread ({@link CorruptFileException}): the
 * stores never write one that large, and reading it would cost its size in heap, several times over.
 *
 * <p>An {@linkplain #ownerOnly owner-only} file (one that holds secrets) is created
 * {@code rw-------} on file systems with POSIX permissions, and an existing one that is open to
 * others is tightened as soon as it is read, not at the next write.
 */
public final class AtomicFile {

    /** Far beyond what a store writes (an HSTS or session entry is a few hundred bytes). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

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
     * @throws CorruptFileException when the file is larger than {@link #MAX_BYTES} or not UTF-8 text
     * @throws IOException          when the file cannot be read at all (or an owner-only file cannot be tightened)
     */
    public Optional<String> readText() throws IOException, CorruptFileException {
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new CorruptFileException("the file is " + size + " bytes, more than the " + MAX_BYTES
                        + " this store ever writes; not read");
            }
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
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files a crashed write left beside this file ({@code <name>.<digits>.tmp},
     * as {@link #write} names them). Call it only while holding the file's {@link StoreFileLock}:
     * every write happens under that lock, so a temporary file seen then belongs to no live writer.
     *
     * @return the files deleted
     */
    public List<Path> removeStaleTemporaries() throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        String prefix = path.getFileName() + ".";
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                candidate -> isTemporaryName(candidate.getFileName().toString(), prefix))) {
            for (Path stale : entries) {
                if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(stale)) {
                    removed.add(stale);
                }
            }
        }
        return removed;
    }

    /** {@code <prefix><digits>.tmp}: what {@link Files#createTempFile} makes from our prefix and suffix. */
    private static boolean isTemporaryName(String name, String prefix) {
        if (!name.startsWith(prefix) || !name.endsWith(".tmp")) {
            return false;
        }
        String middle = name.substring(prefix.length(), name.length() - ".tmp".length());
        return !middle.isEmpty() && middle.chars().allMatch(Character::isDigit);
    }

    /**
     * Forces the directory to disk, so that a rename into it survives a power cut (POSIX fsync of
     * the directory). Some platforms cannot open a directory for this; there the rename stands as
     * the file system keeps it.
     */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notPossibleHere) {
            // Windows cannot open a directory as a channel; nothing more to do there.
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
