package navemu.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The embedded bundle jars, unpacked once per set of bundles into {@code <cache>/bundles-<key>/}
 * and installed from there by reference ({@code reference:file:…}), so that a start copies
 * nothing: before, every start inflated the ~28 MB of embedded jars into a fresh Felix cache.
 *
 * <p>The key is a SHA-256 over each embedded bundle's name, size and CRC-32 as navemu.jar's own
 * directory lists them, so computing it reads no jar's content, and a rebuild with the same
 * bundles keeps the same directory.
 *
 * <p>Safe with several navemu processes on one cache: a directory is unpacked under a temporary
 * name and renamed into place (whoever renames first wins; the other uses the winner's). Every
 * process holds a shared lock on its directory's {@value #IN_USE} file while it runs; a directory
 * of another key is removed only by a process that gets that lock exclusively, so a navemu of an
 * older build that is still running keeps its jars. A directory whose jars do not have the sizes
 * navemu.jar lists (damaged, or cut short by a full disk) is set aside and unpacked again.
 */
final class BundleCache implements AutoCloseable {
    /** Held (shared) by every process that installed bundles from the directory. */
    static final String IN_USE = "in-use.lock";
    static final String PREFIX = "bundles-";

    private final Path directory;
    private final List<EmbeddedResources.Entry> bundles;
    /** Null when this JVM already holds the directory's lock (a second launcher in one JVM, in tests). */
    private final FileChannel inUseChannel;
    private final FileLock inUse;
    /** True when this process unpacked the bundles: the first start of this build on this home. */
    private boolean unpackedNow;

    private BundleCache(Path directory, List<EmbeddedResources.Entry> bundles, FileChannel inUseChannel, FileLock inUse) {
        this.directory = directory;
        this.bundles = bundles;
        this.inUseChannel = inUseChannel;
        this.inUse = inUse;
    }

    /**
     * The unpacked bundles for {@code embedded}, unpacking them first when no complete copy is
     * there. Directories of other keys that no running navemu uses are removed.
     */
    static BundleCache open(Path cacheRoot, EmbeddedResources embedded) throws IOException {
        List<EmbeddedResources.Entry> bundles = embedded.bundles();
        Files.createDirectories(cacheRoot);
        Path directory = cacheRoot.resolve(PREFIX + key(bundles));
        // A few rounds: a directory found damaged is set aside and made again; two processes may race.
        boolean unpacked = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (!Files.isDirectory(directory)) {
                unpack(cacheRoot, directory, embedded, bundles);
                unpacked = true;
            }
            BundleCache cache = lock(directory, bundles);
            if (cache != null && cache.complete()) {
                removeUnused(cacheRoot, directory);
                cache.unpackedNow = unpacked;
                return cache;
            }
            if (cache != null) {
                cache.close();
                setAside(cacheRoot, directory);
            }
        }
        throw new IOException("cannot prepare the bundle cache in " + cacheRoot);
    }

    /** The embedded bundles, sorted by name, as navemu.jar lists them. */
    List<EmbeddedResources.Entry> bundles() {
        return bundles;
    }

    /** Where the bundle {@code entry} ({@code bundles/x.jar}) was unpacked. */
    Path jar(String entry) {
        return directory.resolve(entry.substring(entry.lastIndexOf('/') + 1));
    }

    /** The location Felix installs {@code entry} from: the unpacked jar, read in place. */
    String location(String entry) {
        return "reference:" + jar(entry).toUri();
    }

    Path directory() {
        return directory;
    }

    /**
     * True when {@link #open} unpacked the bundles itself (or a process racing it did): the first
     * start of this build on this home, which is also when the lab makes its certificate authority.
     */
    boolean unpackedNow() {
        return unpackedNow;
    }

    @Override
    public void close() {
        if (inUseChannel == null) {
            return;
        }
        try {
            inUse.release();
            inUseChannel.close();
        } catch (IOException e) {
            // the OS drops the lock with the process anyway
        }
    }

    /** SHA-256 over (name, size, CRC-32) of every embedded bundle, in hex. */
    static String key(List<EmbeddedResources.Entry> bundles) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (EmbeddedResources.Entry bundle : bundles) {
                sha256.update((bundle.name() + "\0" + bundle.size() + "\0" + bundle.crc() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void unpack(Path cacheRoot, Path directory, EmbeddedResources embedded,
                               List<EmbeddedResources.Entry> bundles) throws IOException {
        Path temporary = cacheRoot.resolve(".unpacking-" + UUID.randomUUID());
        try {
            Files.createDirectories(temporary);
            for (EmbeddedResources.Entry bundle : bundles) {
                String fileName = bundle.name().substring(bundle.name().lastIndexOf('/') + 1);
                try (InputStream in = embedded.open(bundle.name())) {
                    Files.copy(in, temporary.resolve(fileName));
                }
            }
            Files.createFile(temporary.resolve(IN_USE));
            try {
                Files.move(temporary, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another navemu unpacked the same bundles first: use its copy.
            } catch (java.nio.file.FileSystemException e) {
                // rename(2) onto a directory another navemu has just filled fails with ENOTEMPTY,
                // which the JDK reports as a plain FileSystemException: the same race, the same answer.
                if (!Files.isDirectory(directory)) {
                    throw e;
                }
            }
        } finally {
            deleteTree(temporary);
        }
    }

    /** A shared lock on the directory's in-use file, or null when the directory went away meanwhile. */
    private static BundleCache lock(Path directory, List<EmbeddedResources.Entry> bundles) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory.resolve(IN_USE), StandardOpenOption.READ);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        FileLock lock;
        try {
            lock = channel.lock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
            // This JVM holds it already, through another launcher: that one keeps the directory.
            channel.close();
            return Files.exists(directory.resolve(IN_USE)) ? new BundleCache(directory, bundles, null, null) : null;
        }
        try {
            // Another process may have renamed the directory away (to remove it) just before we
            // locked: then our lock is on a file that is no longer here.
            if (!Files.exists(directory.resolve(IN_USE))) {
                lock.release();
                channel.close();
                return null;
            }
            return new BundleCache(directory, bundles, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Every bundle is there with the size navemu.jar lists for it. */
    private boolean complete() {
        for (EmbeddedResources.Entry bundle : bundles) {
            try {
                if (Files.size(jar(bundle.name())) != bundle.size()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void setAside(Path cacheRoot, Path directory) {
        Path aside = cacheRoot.resolve(".removing-" + UUID.randomUUID());
        try {
            Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(aside);
        } catch (IOException e) {
            // Someone else set it aside already; the next round unpacks a fresh copy.
        }
    }

    /**
     * Removes the directories of other keys that no running navemu holds, and leftovers of
     * unpacking or removing that a killed process did not finish (older than an hour).
     */
    private static void removeUnused(Path cacheRoot, Path keep) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cacheRoot)) {
            entries.forEach(candidates::add);
        } catch (IOException e) {
            return;
        }
        for (Path candidate : candidates) {
            String name = candidate.getFileName().toString();
            if (candidate.equals(keep)) {
                continue;
            }
            if (name.startsWith(PREFIX)) {
                removeIfUnused(cacheRoot, candidate);
            } else if ((name.startsWith(".unpacking-") || name.startsWith(".removing-")) && olderThanAnHour(candidate)) {
                deleteTree(candidate);
            }
        }
    }

    private static void removeIfUnused(Path cacheRoot, Path directory) {
        try (FileChannel channel = FileChannel.open(directory.resolve(IN_USE), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // a navemu of that build is running
            }
            try {
                Path aside = cacheRoot.resolve(".removing-" + UUID.randomUUID());
                Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
                lock.release();
                deleteTree(aside);
            } finally {
                if (lock.isValid()) {
                    lock.release();
                }
            }
        } catch (IOException | OverlappingFileLockException | UncheckedIOException e) {
            // in use, or already gone: leave it
        }
    }

    private static boolean olderThanAnHour(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis() < System.currentTimeMillis() - 3_600_000;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover is harmless; the next start removes it.
        }
    }
}
