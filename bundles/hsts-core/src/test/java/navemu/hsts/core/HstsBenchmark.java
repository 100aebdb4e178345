package navemu.hsts.core;

import java.time.Instant;
import java.util.List;

import navemu.api.hsts.HstsObservation;

/**
 * Prints how fast the rules run: header parsing, and lookups in a table of 10,000 hosts.
 * Run: {@code java -cp <test classpath> navemu.hsts.core.HstsBenchmark}. A number to read, not a test.
 */
public final class HstsBenchmark {

    public static void main(String[] args) {
        String[] headers = {"max-age=31536000; includeSubDomains; preload", "max-age=\"100\"",
                "max-age=100; foo=\"bar baz\"; includeSubDomains", "max-age=-1"};
        int rounds = 500_000;
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += StsHeaderParser.parse(headers[i & 3]) instanceof StsParseResult.Valid ? 1 : 0;
            }
            long nanos = System.nanoTime() - start;
            System.out.printf("parse:  %,d headers in %d ms = %.0f ns/header%n", rounds, nanos / 1_000_000,
                    (double) nanos / rounds);
        }

        DynamicHstsStore store = new DynamicHstsStore();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            store.observe(new HstsObservation("site" + i + ".example",
                    List.of("max-age=31536000; includeSubDomains"), true, true), now);
        }
        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += store.lookup("www.a.site" + (i % 20_000) + ".example", now).isPresent() ? 1 : 0;
            }
            long nanos = System.nanoTime() - start;
            System.out.printf("lookup: %,d lookups (half hits, 4 labels) in %d ms = %.0f ns/lookup%n", rounds,
                    nanos / 1_000_000, (double) nanos / rounds);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
