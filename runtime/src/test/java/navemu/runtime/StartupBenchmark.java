package navemu.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start to prompt, beside a bare Felix start as the floor: runs {@code navemu.jar -c quit} N times
 * (10 by default) with the lab CA and the bundle cache already made, and the same Felix with no
 * bundle ({@link BareFelixStart}) N times, with the same JVM flags ({@code NAVEMU_JVM_FLAGS}, which
 * {@code scripts/bench.sh start} takes from {@code scripts/jvm-flags.sh}, what ./navemu uses).
 *
 * <p>"The prompt" is the interactive shell started in a pseudo-terminal, as a user starts it, until
 * {@code navemu> } is on the terminal: the figure the README calls start to prompt. "Ready" is the
 * moment the launcher hands a {@code -c quit} command line to the shell (its {@code shell ready}
 * timing mark), which builds no terminal; both are measured by this process from the child's
 * spawn, so the JVM's own start is in them; "exit" is the whole run of {@code -c quit}, framework
 * stop included. The interactive start draws its prompt before most bundles start, and
 * {@code -c quit} starts them all before the shell, so each prints its own phases (the
 * {@code -Dnavemu.timing=true} marks: on stderr for {@code -c quit}, on the terminal for the
 * interactive start). Prints the medians, the ratio, each phase's median and the bundles slowest
 * to start. Not a test: the figures depend
 * on the machine and its load (printed with them). Run {@code scripts/bench.sh start [N]}.
 */
public final class StartupBenchmark {
    private static final Pattern MARK = Pattern.compile("navemu: timing: (.+) at (\\d+) ms, cpu (-?\\d+) ms");
    /** The same mark on a terminal, where it may follow JLine's control sequences on its line. */
    private static final Pattern MARK_IN_TERMINAL = Pattern.compile("navemu: timing: ([^\\r\\n]+?) at (\\d+) ms, cpu -?\\d+ ms");
    private static final Pattern CPU = Pattern.compile(".*, cpu (-?\\d+) ms");

    private StartupBenchmark() {
    }

    /**
     * One child run: milliseconds from spawn to the ready line and to exit, the child's CPU time
     * when ready (every thread), and its timing lines.
     */
    private record Run(double readyMs, double exitMs, double readyCpuMs, Map<String, Long> phases, String slowest) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path jar = Path.of(System.getProperty("navemu.jar", "runtime/target/navemu.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -pl runtime -am package -DskipTests");
        }
        List<String> flags = List.of(System.getenv().getOrDefault("NAVEMU_JVM_FLAGS", "").split("\\s+")).stream()
                .filter(f -> !f.isBlank()).toList();
        Path home = Files.createTempDirectory("navemu-start-bench");
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            System.out.printf(Locale.ROOT, "navemu start-up, median of %d, JVM flags %s, %d cores%n", runs, flags,
                    Runtime.getRuntime().availableProcessors());
            List<String> navemu = new ArrayList<>(List.of(javaCommand));
            navemu.addAll(flags);
            navemu.addAll(List.of("-Dnavemu.timing=true", "-jar", jar.toString(), "--home", home.toString(), "-c", "quit"));
            Run first = run(navemu, "navemu: timing: shell ready");
            System.out.printf(Locale.ROOT, "first start on a new home (lab CA made, bundles unpacked): ready %.0f ms, exit %.0f ms%n",
                    first.readyMs(), first.exitMs());

            List<String> bare = new ArrayList<>(List.of(javaCommand));
            bare.addAll(flags);
            bare.addAll(List.of("-cp", jar + java.io.File.pathSeparator + Path.of(BareFelixStart.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()), BareFelixStart.class.getName()));

            List<String> interactive = new ArrayList<>(List.of(javaCommand));
            interactive.addAll(flags);
            interactive.addAll(List.of("-Dnavemu.timing=true", "-jar", jar.toString(), "--home", home.toString()));

            List<Run> navemuRuns = new ArrayList<>();
            List<Run> bareRuns = new ArrayList<>();
            List<PromptRun> promptRuns = new ArrayList<>();
            for (int i = 0; i < runs; i++) { // interleaved, so a change in the machine's load hits all alike
                navemuRuns.add(run(navemu, "navemu: timing: shell ready"));
                promptRuns.add(prompt(interactive));
                bareRuns.add(run(bare, BareFelixStart.READY));
            }
            double prompt = median(promptRuns.stream().mapToDouble(PromptRun::promptMs).toArray());
            double promptCpu = median(promptRuns.stream().mapToDouble(PromptRun::cpuMs).toArray());
            double ready = median(navemuRuns.stream().mapToDouble(Run::readyMs).toArray());
            double exit = median(navemuRuns.stream().mapToDouble(Run::exitMs).toArray());
            double cpu = median(navemuRuns.stream().mapToDouble(Run::readyCpuMs).toArray());
            double floor = median(bareRuns.stream().mapToDouble(Run::readyMs).toArray());
            double floorExit = median(bareRuns.stream().mapToDouble(Run::exitMs).toArray());
            double floorCpu = median(bareRuns.stream().mapToDouble(Run::readyCpuMs).toArray());
            System.out.printf(Locale.ROOT, "navemu      start to prompt (interactive)  %6.0f ms (CPU to exit %5.0f ms)%n",
                    prompt, promptCpu);
            System.out.printf(Locale.ROOT, "navemu      -c quit: shell ready           %6.0f ms (CPU %5.0f ms)   start + quit + exit %6.0f ms%n",
                    ready, cpu, exit);
            System.out.printf(Locale.ROOT, "bare Felix  start (no bundle)              %6.0f ms (CPU %5.0f ms)   start + stop + exit %6.0f ms%n",
                    floor, floorCpu, floorExit);
            System.out.printf(Locale.ROOT, "ratio navemu / bare Felix                  %6.2f (the prompt), %.2f (shell ready) %s%n",
                    prompt / floor, ready / floor,
                    cpu < 0 || floorCpu <= 0 ? "(CPU: this navemu.jar does not print it)" : String.format(Locale.ROOT, "(CPU to shell ready %5.2f)", cpu / floorCpu));
            // The interactive start draws its prompt before most bundles start; -c quit starts them all first.
            printPhases("phases of the interactive start (median ms since the JVM's start; the bundles start behind the prompt):",
                    promptRuns.stream().map(PromptRun::phases).toList());
            printPhases("phases of -c quit (every bundle started before the shell runs):",
                    navemuRuns.stream().map(Run::phases).toList());
            System.out.println("  " + navemuRuns.get(navemuRuns.size() - 1).slowest());
            System.out.printf(Locale.ROOT, "load average now: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            BundleCache.deleteTree(home);
        }
    }

    /** Each phase of the first run's order, with its median over {@code runs}. */
    private static void printPhases(String title, List<Map<String, Long>> runs) {
        System.out.println(title);
        for (String phase : runs.get(0).keySet()) {
            double at = median(runs.stream().mapToDouble(r -> r.getOrDefault(phase, 0L)).toArray());
            System.out.printf(Locale.ROOT, "  %-34s %6.0f ms%n", phase, at);
        }
    }

    /** One interactive start: spawn to the prompt, the CPU of the whole run, and its timing marks. */
    private record PromptRun(double promptMs, double cpuMs, Map<String, Long> phases) {
    }

    private static Run run(List<String> command, String readyLine) throws IOException, InterruptedException {
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        double readyMs = -1;
        double readyCpuMs = -1;
        Map<String, Long> phases = new LinkedHashMap<>();
        String slowest = "";
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (readyMs < 0 && line.startsWith(readyLine)) {
                    readyMs = (System.nanoTime() - spawned) / 1e6;
                    Matcher cpu = CPU.matcher(line);
                    readyCpuMs = cpu.matches() ? Long.parseLong(cpu.group(1)) : -1;
                }
                Matcher mark = MARK.matcher(line);
                if (mark.matches()) {
                    phases.put(mark.group(1), Long.parseLong(mark.group(2)));
                } else if (line.startsWith("navemu: timing: slowest")) {
                    slowest = line.substring("navemu: timing: ".length());
                }
            }
        }
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("no exit within 300 s: " + command);
        }
        double exitMs = (System.nanoTime() - spawned) / 1e6;
        if (readyMs < 0) {
            throw new IllegalStateException("never printed '" + readyLine + "' (exit " + process.exitValue() + "): " + command);
        }
        return new Run(readyMs, exitMs, readyCpuMs, phases, slowest);
    }

    /** The prompt as a user sees it: {@code navemu> } written to a terminal. */
    private static final String PROMPT = "navemu> ";

    /**
     * The interactive shell started in a pseudo-terminal ({@code script}, from util-linux), as a
     * user starts it: milliseconds from spawn until {@code navemu> } is written to the terminal
     * (JLine's terminal and line reader included, which {@code -c} never builds), then {@code quit};
     * and the CPU time of the whole run (start, background warm-up, quit), from bash's
     * {@code times}. The terminal is given a size, or JLine would draw the prompt in zero columns.
     */
    private static PromptRun prompt(List<String> command) throws IOException, InterruptedException {
        String line = command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(java.util.stream.Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; " + line + "; times", "/dev/null");
        builder.environment().put("TERM", "xterm-256color");
        long spawned = System.nanoTime();
        Process process = builder.redirectErrorStream(true).start();
        double promptMs = -1;
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream out = process.getInputStream(); java.io.OutputStream in = process.getOutputStream()) {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = out.read(buffer)) > 0) {
                seen.write(buffer, 0, n);
                // ISO-8859-1 maps each byte to one char, so this finds exactly the prompt's bytes.
                if (promptMs < 0 && seen.toString(StandardCharsets.ISO_8859_1).contains(PROMPT)) {
                    promptMs = (System.nanoTime() - spawned) / 1e6;
                    in.write("quit\r".getBytes(StandardCharsets.US_ASCII));
                    in.flush();
                }
            }
        }
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("no exit within 300 s: " + command);
        }
        String output = seen.toString(StandardCharsets.UTF_8);
        if (promptMs < 0) {
            throw new IllegalStateException("never showed its prompt: " + output);
        }
        // times: the shell's own user/sys, then its children's (the JVM): "0m1.234s 0m0.567s".
        Matcher times = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$").matcher(output);
        double cpuMs = times.find() ? (Integer.parseInt(times.group(1)) * 60 + Double.parseDouble(times.group(2))
                + Integer.parseInt(times.group(3)) * 60 + Double.parseDouble(times.group(4))) * 1000 : -1;
        Map<String, Long> phases = new LinkedHashMap<>();
        Matcher mark = MARK_IN_TERMINAL.matcher(output);
        while (mark.find()) {
            phases.put(mark.group(1), Long.parseLong(mark.group(2)));
        }
        return new PromptRun(promptMs, cpuMs, phases);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
