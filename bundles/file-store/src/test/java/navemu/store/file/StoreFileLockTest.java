package navemu.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One holder at a time, a bounded wait, and a read-change-write under it loses nothing. */
class StoreFileLockTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void whileOneHoldsTheLockAnotherWaitsAtMostItsTimeoutAndIsToldWhy() throws Exception {
        Path file = dir.resolve("store.json");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> {
                try (StoreFileLock lock = StoreFileLock.acquire(file, Duration.ofSeconds(10))) {
                    held.countDown();
                    release.await();
                }
                return null;
            });
            assertTrue(held.await(30, TimeUnit.SECONDS));
            IOException e = assertThrows(IOException.class, () -> StoreFileLock.acquire(file, Duration.ofMillis(50)));
            assertTrue(e.getMessage().contains("store.json.lock"), e.getMessage());
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            try (StoreFileLock again = StoreFileLock.acquire(file, Duration.ofSeconds(10))) {
                assertTrue(Files.exists(StoreFileLock.lockFileOf(file)));
            }
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readChangeWriteUnderTheLockLosesNoIncrement() throws Exception {
        AtomicFile counter = AtomicFile.of(dir.resolve("counter"));
        int threads = 4;
        int increments = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        try (StoreFileLock lock = StoreFileLock.acquire(counter.path(), Duration.ofSeconds(30))) {
                            int value = Integer.parseInt(counter.readText().orElse("0"));
                            counter.write(Integer.toString(value + 1).getBytes());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Integer.toString(threads * increments), counter.readText().orElseThrow());
    }

    @Test
    void theSameThreadCannotTakeItTwice() throws Exception {
        Path file = dir.resolve("store.json");
        try (StoreFileLock lock = StoreFileLock.acquire(file, Duration.ofSeconds(10))) {
            assertThrows(IllegalStateException.class, () -> StoreFileLock.acquire(file, Duration.ofSeconds(1)));
        }
    }
}
