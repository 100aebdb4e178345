package navemu.hsts.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import navemu.api.hsts.HstsObservation;

/**
 * One navemu-like process for {@link TwoProcessesHstsTest}: waits for the go file, then stores
 * {@code count} HSTS entries named {@code <prefix>-<n>.test} in the file at {@code path}, one change
 * at a time (half learnt from headers, half added by hand), and prints each host once its change
 * was acknowledged.
 */
public final class HstsWriterProcess {

    private HstsWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        Path go = Path.of(args[3]);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go file " + go);
            }
            Thread.sleep(5);
        }
        FileHstsStore store = new FileHstsStore(path, Clock.systemUTC(), Duration.ofSeconds(60));
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String host = prefix + "-" + i + ".test";
            if (i % 2 == 0) {
                String note = store.observe(new HstsObservation(host, List.of("max-age=31536000"), true, true), now).note();
                if (note.contains("not saved")) {
                    throw new IllegalStateException(note);
                }
            } else {
                store.add(host, Duration.ofDays(365), false, now); // throws when not saved
            }
            System.out.println(host);
        }
    }
}
