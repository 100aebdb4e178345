package navemu.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shell's memory over a long session: runs the real {@code navemu.jar} (Felix, every bundle,
 * the lab) on a script of N navigations to the lab ({@code open https://www.lab.test/}, 2,000 by
 * default) in one JVM, and prints that JVM's resident set size ({@code VmRSS} of its
 * {@code /proc/PID/status}, what the process itself reads as {@code /proc/self/status}) after
 * 100, 500, 1,000 and 2,000 navigations, counted from the JSON lines it prints. Not a test (the
 * figures depend on the machine and the JVM's heap sizing); run it with
 * {@code scripts/bench.sh memory [N [JVM options…]]}, e.g. {@code scripts/bench.sh memory 2000 -Xmx256m}.
 * Linux only (it reads /proc).
 */
public final class ShellMemoryBenchmark {
    private static final Set<Integer> CHECKPOINTS = Set.of(1, 100, 200, 500, 1000, 1500, 2000, 5000, 10000);

    private static final String KEEP_ALIVE = "https://slow.bad.lab.test/";

    private ShellMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int navigations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> jvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path jar = Path.of(System.getProperty("navemu.jar", "runtime/target/navemu.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -pl runtime -am package -DskipTests");
        }
        Path home = Files.createTempDirectory("navemu-memory-bench");
        try {
            Path script = home.resolve("many.nav");
            // The last line only keeps navemu busy (the lab's DNS answers slow.bad.lab.test after 5 s)
            // while the last figures are taken, so they are a live session's, not an exiting JVM's.
            Files.writeString(script, "open --new-connection https://www.lab.test/\n".repeat(navigations) + "open " + KEEP_ALIVE + "\n");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "--json", "--script",
                    script.toString()));
            System.out.printf(Locale.ROOT, "%d navigations to https://www.lab.test/ in one navemu JVM %s%n", navigations,
                    jvmOptions.isEmpty() ? "(default heap)" : jvmOptions);
            run(command, home.resolve("stderr.txt"), navigations);
        } finally {
            deleteTree(home);
        }
    }

    private static void run(List<String> command, Path stderr, int navigations) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        long started = System.nanoTime();
        int seen = 0;
        int failed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("{")) {
                    continue;
                }
                seen++;
                if (seen > navigations) {
                    continue; // the keep-alive navigation
                }
                if (!line.contains("\"status\":200")) {
                    failed++;
                }
                if (CHECKPOINTS.contains(seen) || seen == navigations) {
                    double rss = rssKb(process.pid()) / 1024.0;
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT, "after %5d navigations: VmRSS %6.1f MB, live heap after a full GC %s  (%.1f s)%n",
                            seen, rss, liveHeap(process.pid()), seconds);
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        int counted = Math.min(seen, navigations);
        System.out.printf(Locale.ROOT, "%d results seen, %d not 200, exit %d (the last open, of %s, fails on purpose)%n",
                counted, failed, process.exitValue(), KEEP_ALIVE);
        if (seen != navigations + 1) {
            System.out.println("--- stderr (last lines)");
            List<String> lines = Files.readAllLines(stderr);
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.out::println);
        }
    }

    /**
     * What the heap holds after a full collection ({@code jcmd PID GC.run}, then
     * {@code GC.heap_info}): what the session really keeps, as opposed to garbage the collector
     * has not needed to reclaim yet, which RSS also counts.
     */
    private static String liveHeap(long pid) {
        if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            return "? (navemu has exited)";
        }
        try {
            jcmd(pid, "GC.run");
            // G1 prints one "heap total …K, used …K" line; the serial and parallel collectors one per
            // generation, which add up. Metaspace lines say "used …K, committed", so they do not match.
            java.util.regex.Pattern usedPattern = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K");
            long usedKb = 0;
            boolean found = false;
            for (String line : jcmd(pid, "GC.heap_info")) {
                java.util.regex.Matcher used = usedPattern.matcher(line);
                if (used.find()) {
                    usedKb += Long.parseLong(used.group(1));
                    found = true;
                }
            }
            return found ? String.format(Locale.ROOT, "%.1f MB", usedKb / 1024.0) : "?";
        } catch (IOException | InterruptedException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private static List<String> jcmd(long pid, String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), what).redirectErrorStream(true).start();
        List<String> lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .lines().toList();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return lines;
    }

    /** VmRSS of a live process in kB, or -1 once it has gone. */
    private static long rssKb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            return -1;
        }
        return -1;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
