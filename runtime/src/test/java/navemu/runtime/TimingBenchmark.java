package navemu.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Cold against warm, step by step: each sample is a fresh JVM running the real {@code navemu.jar}
 * at its prompt (commands piped in, as a person would type them at once), behind a 100 ms emulated
 * link, opening {@code https://www.lab.test/} ten times with the DNS cache and TLS sessions
 * cleared before each, so every navigation does the same work. Every sample uses one home whose
 * lab CA a first, uncounted run made (making its keys takes seconds and is no navigation's work). The first navigation is the cold
 * one; the median of the last five is the warm one.
 *
 * <ul>
 *   <li>{@code network}: each step's network part against RTT × round trips, cold and warm.</li>
 *   <li>{@code cold}: each step's local work, cold and warm, and the ratio, with the background
 *       prewarm on (the default) and off ({@code -Dnavemu.prewarm=false}); also how long after the
 *       JVM started the first result was printed.</li>
 * </ul>
 * Not a test: figures depend on the machine. {@code scripts/bench.sh network|cold [SAMPLES]}.
 */
public final class TimingBenchmark {

    private static final String[] STEPS = {"dns", "tcp", "tls", "http"};
    private static final double RTT_MS = 100;
    private static final int NAVIGATIONS = 10;
    private static final int WARM_FROM = NAVIGATIONS - 5;

    private TimingBenchmark() {
    }

    /** One fresh JVM's ten navigations. */
    private record Sample(List<JsonObject> results, double firstResultMs) {
        JsonObject step(int navigation, String name) {
            return results.get(navigation).getAsJsonArray("steps").asList().stream().map(e -> e.getAsJsonObject())
                    .filter(s -> s.get("step").getAsString().equals(name)).findFirst().orElseThrow();
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "cold";
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path jar = Path.of(System.getProperty("navemu.jar", "runtime/target/navemu.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -pl runtime -am package -DskipTests");
        }
        Path home = Files.createTempDirectory("navemu-timing-bench");
        try {
            makeLabCa(jar, home);
            System.out.printf(Locale.ROOT, "JVM flags %s; load average before: %s%n", jvmFlags(), loadAverage());
            switch (mode) {
                case "network" -> network(jar, home, samples);
                case "cold" -> cold(jar, home, samples);
                default -> throw new IllegalArgumentException("mode is network or cold, not " + mode);
            }
            System.out.printf(Locale.ROOT, "load average after: %s (2 cores here: %d)%n", loadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            deleteQuietly(home);
        }
    }

    /** The JVM flags ./navemu starts navemu.jar with ({@code NAVEMU_JVM_FLAGS}, set by scripts/bench.sh), so the figures are a user's. */
    private static List<String> jvmFlags() {
        return List.of(System.getenv().getOrDefault("NAVEMU_JVM_FLAGS", "").split("\\s+")).stream()
                .filter(f -> !f.isBlank()).toList();
    }

    /** One uncounted start on {@code home}: the lab's CA is made once, not in every sample. */
    private static void makeLabCa(Path jar, Path home) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--home", home.toString(), "-c", "quit")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the first start (making the lab CA) took more than 300 s");
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static void network(Path jar, Path home, int samples) throws Exception {
        List<Sample> runs = run(jar, home, samples, true);
        System.out.printf(Locale.ROOT, "%d fresh JVMs, 100 ms emulated link; network part of each step vs RTT × round trips%n",
                samples);
        System.out.printf(Locale.ROOT, "%-5s %4s %9s   %-24s %-24s%n", "step", "rtts", "expected", "cold (1st navigation)",
                "warm (6th–10th)");
        for (String name : STEPS) {
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            int rtts = 0;
            for (Sample s : runs) {
                rtts = s.step(0, name).get("rtts").getAsInt();
                cold.add(value(s.step(0, name), "networkMs"));
                for (int i = WARM_FROM; i < NAVIGATIONS; i++) {
                    warm.add(value(s.step(i, name), "networkMs"));
                }
            }
            double expected = rtts * RTT_MS;
            System.out.printf(Locale.ROOT, "%-5s %4d %6.0f ms   %-24s %-24s%n", name, rtts, expected,
                    deviation(median(cold), expected), deviation(median(warm), expected));
        }
    }

    private static void cold(Path jar, Path home, int samples) throws Exception {
        for (boolean prewarm : new boolean[] {true, false}) {
            List<Sample> runs = run(jar, home, samples, prewarm);
            System.out.printf(Locale.ROOT, "%nprewarm %s: %d fresh JVMs, 100 ms emulated link; local work (client CPU) per step%n",
                    prewarm ? "on" : "off", samples);
            System.out.printf(Locale.ROOT, "%-6s %12s %12s %8s%n", "step", "cold", "warm", "ratio");
            double coldTotal = 0;
            double warmTotal = 0;
            for (String name : STEPS) {
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                for (Sample s : runs) {
                    cold.add(value(s.step(0, name), "localMs"));
                    for (int i = WARM_FROM; i < NAVIGATIONS; i++) {
                        warm.add(value(s.step(i, name), "localMs"));
                    }
                }
                double c = median(cold);
                double w = median(warm);
                coldTotal += c;
                warmTotal += w;
                System.out.printf(Locale.ROOT, "%-6s %9.1f ms %9.1f ms %7.1f×%n", name, c, w, c / w);
            }
            System.out.printf(Locale.ROOT, "%-6s %9.1f ms %9.1f ms %7.1f×%n", "total", coldTotal, warmTotal, coldTotal / warmTotal);
            List<Double> first = runs.stream().map(Sample::firstResultMs).toList();
            System.out.printf(Locale.ROOT, "first result printed %.0f ms after the JVM started (median; the open typed at once)%n",
                    median(first));
        }
    }

    private static List<Sample> run(Path jar, Path home, int samples, boolean prewarm) throws Exception {
        List<Sample> runs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            runs.add(sample(jar, home, prewarm));
        }
        return runs;
    }

    /** One fresh JVM at its prompt, the commands typed in at once. */
    private static Sample sample(Path jar, Path home, boolean prewarm) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags());
        if (!prewarm) {
            command.add("-Dnavemu.prewarm=false");
        }
        command.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "--json"));
        StringBuilder input = new StringBuilder("net rtt 100ms\nuse tcp emulated\n");
        for (int i = 0; i < NAVIGATIONS; i++) {
            input.append("dns flush\nsessions clear\nopen https://www.lab.test/\n");
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<JsonObject> results = new ArrayList<>();
        double firstResult = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                int brace = line.indexOf("{\"schema\"");
                if (brace >= 0) {
                    if (firstResult < 0) {
                        firstResult = (System.nanoTime() - start) / 1e6;
                    }
                    results.add(JsonParser.parseString(line.substring(brace)).getAsJsonObject());
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (results.size() != NAVIGATIONS) {
            throw new IllegalStateException("expected " + NAVIGATIONS + " results, got " + results.size());
        }
        for (JsonObject r : results) {
            if (!r.get("ok").getAsBoolean()) {
                throw new IllegalStateException("a navigation failed: " + r.get("errorMessage"));
            }
        }
        return new Sample(results, firstResult);
    }

    private static double value(JsonObject step, String key) {
        return step.get(key).isJsonNull() ? Double.NaN : step.get(key).getAsDouble();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String deviation(double measured, double expected) {
        return String.format(Locale.ROOT, "%6.1f ms (%+.1f%%)", measured, (measured - expected) / expected * 100);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
