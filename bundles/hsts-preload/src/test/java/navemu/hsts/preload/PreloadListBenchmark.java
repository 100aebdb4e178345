package navemu.hsts.preload;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints what a preload list of today's size costs: the time to read it (first in a fresh JVM,
 * then warm), the heap it keeps, and a lookup. {@code scripts/bench.sh preload [ENTRIES]}.
 * Figures are printed, never asserted.
 */
public final class PreloadListBenchmark {

    private PreloadListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : SyntheticPreloadList.TODAYS_SIZE;
        Path dir = Files.createTempDirectory("navemu-preload-bench");
        Path file = dir.resolve("transport_security_state_static.json");
        try {
            SyntheticPreloadList.write(file, entries);
            System.out.printf(Locale.ROOT, "list: %,d entries, %.1f MB%n", entries, Files.size(file) / 1e6);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = settledHeap(memory);
            long start = System.nanoTime();
            PreloadList list = PreloadList.read(file);
            double firstMs = (System.nanoTime() - start) / 1e6;
            long retained = settledHeap(memory) - before;
            System.out.printf(Locale.ROOT, "first read (cold JVM): %.0f ms; retained heap: %.1f MB (%d bytes per entry)%n",
                    firstMs, retained / 1e6, retained / Math.max(1, list.size()));

            double best = Double.MAX_VALUE;
            for (int run = 0; run < 5; run++) {
                long t = System.nanoTime();
                PreloadList.read(file);
                best = Math.min(best, (System.nanoTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "warm read: best of 5 %.0f ms%n", best);

            int lookups = 1_000_000;
            long hits = 0;
            long t = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                hits += list.match("www." + SyntheticPreloadList.name(i % entries)).isPresent() ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "lookup of a subdomain (name building included): %.2f µs (%d hits)%n",
                    (System.nanoTime() - t) / 1e3 / lookups, hits);
            if (list.size() != entries) {
                throw new AssertionError("read " + list.size() + " of " + entries);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
