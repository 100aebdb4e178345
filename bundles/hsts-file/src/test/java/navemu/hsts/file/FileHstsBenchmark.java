package navemu.hsts.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import navemu.api.hsts.HstsObservation;

/**
 * Prints what persistence costs: one stored header = one atomic, fsynced rewrite of the file.
 * Run: {@code java -cp <test classpath> navemu.hsts.file.FileHstsBenchmark [entries]}. Not a test.
 */
public final class FileHstsBenchmark {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("navemu-hsts-bench");
        Path file = dir.resolve("hsts.json");
        FileHstsStore store = new FileHstsStore(file, Clock.systemUTC());
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < entries; i++) {
            store.observe(new HstsObservation("site" + i + ".example",
                    List.of("max-age=31536000; includeSubDomains"), true, true), now);
        }
        long nanos = System.nanoTime() - start;
        System.out.printf("observe+save: %d headers in %d ms = %.2f ms each (file grows to %d bytes)%n",
                entries, nanos / 1_000_000, nanos / 1e6 / entries, Files.size(file));
        start = System.nanoTime();
        FileHstsStore reloaded = new FileHstsStore(file, Clock.systemUTC());
        System.out.printf("load: %d entries in %.1f ms%n", reloaded.list(now).size(),
                (System.nanoTime() - start) / 1e6);
        Files.delete(file);
        Files.delete(dir);
    }
}
