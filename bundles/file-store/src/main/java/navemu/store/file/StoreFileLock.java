package navemu.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The right to change a store's file, held by one thread of one process at a time, so that two
 * navemu processes sharing a home never lose each other's changes: each change is made under this
 * lock on the file's latest contents (read, change, write), never on a copy read earlier.
 *
 * <p>It is an exclusive {@link FileChannel#lock() operating-system lock} on {@code <name>.lock}
 * beside the file (the file itself is replaced on every write, so it cannot carry the lock), plus a
 * lock inside this JVM, because the JVM allows a file to be locked only once per process. The
 * operating system drops the lock when a process dies, so a crash never leaves it held. The lock
 * file stays; it is empty.
 *
 * <p>Waiting is bounded: {@link #acquire} gives up after its timeout with an {@link IOException}
 * that names the file, and the store then says it did not save.
 */
public final class StoreFileLock implements AutoCloseable {

    /** How long a store waits for another process to finish a change: far longer than any write takes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long RETRY_MILLIS = 5;

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreFileLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
        this.threads = threads;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code file}: {@code <name>.lock} in the same directory. */
    public static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code file}, creating its directory and lock file if needed, waiting at most
     * {@code timeout}.
     *
     * @throws IOException when the lock file cannot be created or opened, or the lock was not free in time
     */
    public static StoreFileLock acquire(Path file, Duration timeout) throws IOException {
        Path lockFile = lockFileOf(file.toAbsolutePath().normalize());
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock threads = IN_THIS_JVM.computeIfAbsent(lockFile, key -> new ReentrantLock());
        if (threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("the lock of " + file + " is already held by this thread");
        }
        try {
            if (!threads.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timedOut(file, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock of " + file, e);
        }
        FileChannel channel = null;
        try {
            try {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new IOException("could not open the lock file " + lockFile + " (" + e + ")", e);
            }
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameJvmOtherLoader) {
                    lock = null; // another class loader of this JVM (a second copy of this bundle) holds it
                }
                if (lock != null) {
                    return new StoreFileLock(threads, channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timedOut(file, timeout);
                }
                Thread.sleep(RETRY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(channel);
            threads.unlock();
            throw new IOException("interrupted while waiting for the lock of " + file, e);
        } catch (IOException | RuntimeException e) {
            close(channel);
            threads.unlock();
            throw e;
        }
    }

    /** Releases the lock (the operating system's, then this JVM's). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                threads.unlock();
            }
        }
    }

    private static IOException timedOut(Path file, Duration timeout) {
        return new IOException("the lock of " + file + " (" + lockFileOf(file).getFileName()
                + ") was not free within " + timeout.toMillis() + " ms: another navemu is changing the file");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing else to undo
            }
        }
    }
}
