package navemu.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replay throughput of the real {@code navemu.jar} beside curl's, against the same lab site.
 *
 * <p>The site is {@code ecc256.lab.test}: Bouncy Castle's server, where navemu's default client and
 * curl (OpenSSL 3.0) negotiate the same thing: TLS 1.3, TLS_AES_128_GCM_SHA256, x25519, an ECDSA
 * P-256 leaf and HTTP/1.1. (Not {@code www.lab.test}: there navemu negotiates X25519MLKEM768 and
 * HTTP/2, which curl's OpenSSL cannot, and curl would keep its one HTTP/2 connection for every URL,
 * since {@code Connection: close} means nothing in HTTP/2: a comparison of different work.)
 *
 * <p>navemu runs a {@code --script} of {@code open --new-connection https://ecc256.lab.test/} lines in
 * one JVM ({@code --json}), after {@code use session off}, so that each is a new connection and a
 * full handshake as curl's are: the first N (500 by default) are the replay figure, from the first
 * result to the N-th (start-up excluded: {@code scripts/bench.sh startup} measures that); then M more
 * (1,000 by default), of which the last N are the steady state. The script ends with a few opens
 * of {@code slow.bad.lab.test} (the lab's DNS answers it after 5 s), which keep navemu's lab alive
 * and otherwise idle while curl — one process, N URLs, {@code --http1.1}, {@code --no-sessionid} and
 * {@code Connection: close}, so a new TCP connection and a full TLS handshake per request — fetches
 * the same site from that lab, reached as the README says: the site's port (from the tcp step),
 * {@code --resolve ecc256.lab.test:PORT:127.0.0.1} and the lab root as {@code --cacert}.
 *
 * <p>Both sides are checked, not assumed: a navemu result counts only as a 200 on a new connection
 * with a full handshake ({@code "reused":false}, {@code "resumed":false}), and a curl request only as
 * a 200 over HTTP/1.1 that opened one connection of its own ({@code %{num_connects}}); the run
 * stops if either side reused anything, since its figure would then be another kind of work.
 *
 * <p>Two figures for each: requests per second (wall clock), and CPU per request: for navemu the
 * whole JVM's CPU time (client, lab server, JSON) per navigation; for curl its own CPU time plus
 * what navemu's JVM, serving curl's requests, spent meanwhile. On a machine shared with other work
 * the wall-clock rate follows the load; the CPU cost barely does. Then where navemu's CPU went in
 * each phase, by thread ({@link ThreadCpu}): the JIT compiler, the garbage collector, the lab
 * server, the navigations, the shell (JSON, history). Linux only (reads /proc). Not a test:
 * {@code scripts/bench.sh replay [N [M [JVM options…]]]}: with ./navemu's JVM flags
 * ({@code scripts/jvm-flags.sh}: C1 only, AppCDS) unless JVM options are given, e.g. {@code -XX:+UseSerialGC}
 * alone (tiered C1 + C2) to compare the compilers.
 */
public final class ReplayBenchmark {
    private static final String HOST = "ecc256.lab.test";
    private static final String SITE = "https://" + HOST + "/";
    private static final String KEEP_ALIVE = "https://slow.bad.lab.test/";
    private static final int KEEP_ALIVE_LINES = 12;
    private static final Pattern PORT = Pattern.compile("\"step\":\"tcp\".*?\"port\":(\\d+)");
    /** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ReplayBenchmark() {
    }

    /** One point of the run: when a result line arrived and the JVM's CPU seconds then. */
    private record Mark(long nanos, double cpuSeconds) {
        static Mark now(long pid) throws IOException {
            return new Mark(System.nanoTime(), processCpuSeconds(pid));
        }
    }

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int more = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        // ./navemu's flags (scripts/bench.sh passes them) unless other JVM options are given.
        List<String> jvmOptions = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of(System.getenv().getOrDefault("NAVEMU_JVM_FLAGS", "").split("\\s+")).stream()
                        .filter(f -> !f.isBlank()).toList();
        if (more < measured) {
            throw new IllegalArgumentException("the steady state is the last N of the M more: M must be at least N");
        }
        Path jar = Path.of(System.getProperty("navemu.jar", "runtime/target/navemu.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -pl runtime -am package -DskipTests");
        }
        // A home kept between runs, so the lab CA's keys (RSA 4096 among them) are made once, not each run.
        Path home = Path.of(System.getProperty("navemu.bench.home", "runtime/target/bench-home"));
        Files.createDirectories(home);
        Path script = home.resolve("replay.nav");
        // A new connection and no session store: curl makes a connection and a full handshake per
        // URL, and navemu would otherwise reuse the first connection or resume www's TLS 1.3 tickets.
        Files.writeString(script, "use session off\n" + ("open --new-connection " + SITE + "\n").repeat(measured + more)
                + ("open " + KEEP_ALIVE + "\n").repeat(KEEP_ALIVE_LINES));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "--json", "--script", script.toString()));
        System.out.printf(Locale.ROOT, "replay of %d × open %s in one navemu JVM %s, beside curl (%s)%n", measured, SITE,
                jvmOptions.isEmpty() ? "(default options)" : jvmOptions, curlVersion());
        run(command, home, measured, more);
    }

    private static void run(List<String> command, Path home, int measured, int more) throws Exception {
        Process navemu = new ProcessBuilder(command).redirectError(home.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        long pid = navemu.pid();
        int total = measured + more;
        Mark[] marks = new Mark[total + 1];
        int seen = 0;
        int failed = 0;
        int port = -1;
        ThreadCpu[] split = new ThreadCpu[4];
        try (BufferedReader out = new BufferedReader(new InputStreamReader(navemu.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (seen < total && (line = out.readLine()) != null) {
                if (!line.startsWith("{")) {
                    continue;
                }
                seen++;
                marks[seen] = Mark.now(pid);
                if (seen == 1 || seen == measured || seen == total - measured || seen == total) {
                    ThreadCpu now = ThreadCpu.read(pid);
                    split[seen == 1 ? 0 : seen == total ? 3 : seen == measured ? 1 : 2] = now;
                    if (seen == measured && measured == total - measured) {
                        split[2] = now;
                    }
                }
                if (!line.contains("\"status\":200")) {
                    failed++;
                } else if (seen <= total && (line.contains("\"reused\":true") || line.contains("\"resumed\":true"))) {
                    throw new IllegalStateException("navemu result " + seen + " reused a connection or resumed a session: "
                            + "the figure would not be a full handshake per navigation");
                }
                if (port < 0) {
                    Matcher matcher = PORT.matcher(line);
                    if (matcher.find()) {
                        port = Integer.parseInt(matcher.group(1));
                    }
                }
            }
            if (seen < total || port < 0) {
                navemu.destroyForcibly();
                System.out.println("navemu stopped after " + seen + " results; its stderr:");
                Files.readAllLines(home.resolve("stderr.txt")).forEach(System.out::println);
                return;
            }
            // navemu now waits on slow.bad.lab.test's DNS answer: its lab serves curl, nothing else runs.
            Mark curlStart = Mark.now(pid);
            CurlRun curl = curl(home, port, measured);
            Mark curlEnd = Mark.now(pid);
            navemu.destroy();
            navemu.waitFor(30, TimeUnit.SECONDS);

            // Result 1 ends the first navigation: the replay figure counts the N-1 intervals from it.
            Rate replay = Rate.between(marks[1], marks[measured], measured - 1);
            Rate steady = Rate.between(marks[total - measured], marks[total], measured);
            double curlSeconds = (curlEnd.nanos() - curlStart.nanos()) / 1e9;
            double labCpu = curlEnd.cpuSeconds() - curlStart.cpuSeconds();
            Rate curlRate = new Rate(curl.ok() / curlSeconds, (curl.cpuSeconds() + labCpu) * 1000 / curl.ok());
            System.out.printf(Locale.ROOT, "%-44s %10s %16s %8s%n", "", "per second", "CPU ms per req.", "vs curl");
            print("navemu, first " + measured + " navigations (one JVM)", replay, curlRate);
            print("navemu, steady state (results " + (total - measured) + "–" + total + ")", steady, curlRate);
            System.out.printf(Locale.ROOT, "%-44s %10.1f %16.2f %8s%n", "curl, " + curl.ok() + " requests, one process",
                    curlRate.perSecond(), curlRate.cpuMillis(), "1.00");
            System.out.printf(Locale.ROOT, "  curl's CPU %.2f ms + the lab server's %.2f ms per request; %d of %d navigations not 200, "
                    + "%d of %d curl requests not 200%n", curl.cpuSeconds() * 1000 / curl.ok(), labCpu * 1000 / curl.ok(),
                    failed, total, measured - curl.ok(), measured);
            System.out.println("  vs curl = navemu's rate / curl's; CPU per request counts client and lab server for both");
            StringBuilder curve = new StringBuilder("  navemu's CPU ms per navigation by hundred (warm-up curve):");
            for (int from = 1, to = 100; to <= total; from = to, to += 100) {
                curve.append(String.format(Locale.ROOT, " %.2f", (marks[to].cpuSeconds() - marks[from].cpuSeconds()) * 1000 / (to - from)));
            }
            System.out.println(curve);
            System.out.println("  navemu's CPU by thread, ms per navigation:");
            ThreadCpu.printSplit("first " + measured, split[0], split[1], marks[1], marks[measured], measured - 1);
            ThreadCpu.printSplit("steady state", split[2], split[3], marks[total - measured], marks[total], measured);
        } finally {
            if (navemu.isAlive()) {
                navemu.destroyForcibly();
            }
        }
    }

    /** A rate and the CPU it cost per request. */
    private record Rate(double perSecond, double cpuMillis) {
        static Rate between(Mark from, Mark to, int requests) {
            double seconds = (to.nanos() - from.nanos()) / 1e9;
            return new Rate(requests / seconds, (to.cpuSeconds() - from.cpuSeconds()) * 1000 / requests);
        }
    }

    private static void print(String what, Rate rate, Rate curl) {
        System.out.printf(Locale.ROOT, "%-44s %10.1f %16.2f %8.2f%n", what, rate.perSecond(), rate.cpuMillis(),
                rate.perSecond() / curl.perSecond());
    }

    private record CurlRun(int ok, double cpuSeconds) {
    }

    /**
     * N requests in one curl process, each on a new connection with a full handshake; bash's
     * {@code times} prints the CPU time of the curl it waited for (its children's user and system time).
     */
    private static CurlRun curl(Path home, int port, int requests) throws IOException, InterruptedException {
        Path root = home.resolve("lab/ca/lab-root.crt");
        Path config = home.resolve("curl.cfg");
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            urls.append("url = \"https://" + HOST + ":").append(port).append("/\"\noutput = \"/dev/null\"\n");
        }
        Files.writeString(config, urls);
        String curl = String.format(Locale.ROOT, "curl -s --http1.1 --no-sessionid -H 'Connection: close' --cacert '%s' "
                + "--resolve %s:%d:127.0.0.1 -w '%%{http_code} %%{num_connects} %%{http_version}\\n' -K '%s'; times",
                root, HOST, port, config);
        Process process = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // Each request: its status, how many connections it opened, the HTTP version it spoke.
        int ok = (int) lines.stream().filter("200 1 1.1"::equals).count();
        long reused = lines.stream().filter(l -> l.matches("\\d{3} 0 .*")).count();
        if (reused > 0) {
            throw new IllegalStateException("curl reused a connection for " + reused + " requests: "
                    + "the figure would not be a full handshake per request");
        }
        // times: the shell's own user/sys, then its children's: "0m1.234s 0m0.567s".
        String children = lines.get(lines.size() - 1);
        Matcher time = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s").matcher(children);
        if (ok == 0 || !time.find()) {
            throw new IllegalStateException("curl failed: " + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())));
        }
        double cpu = Integer.parseInt(time.group(1)) * 60 + Double.parseDouble(time.group(2))
                + Integer.parseInt(time.group(3)) * 60 + Double.parseDouble(time.group(4));
        return new CurlRun(ok, cpu);
    }

    private static String curlVersion() {
        try {
            Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("?");
            process.waitFor(10, TimeUnit.SECONDS);
            String[] words = first.split(" ");
            return words.length > 4 ? words[0] + " " + words[1] + ", " + words[4] : first;
        } catch (IOException e) {
            throw new IllegalStateException("curl is needed (apt-get install curl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /**
     * CPU seconds of each of the JVM's live threads, by group: the JIT compilers, the garbage
     * collector, the lab's server threads, the navigations, the shell's main thread (running the
     * script: JSON, history), and the rest. Threads that ended between two readings are the
     * process's CPU that no live thread accounts for.
     */
    private record ThreadCpu(java.util.Map<String, Double> byThread) {
        private static final List<String> GROUPS = List.of("JIT", "GC", "lab server", "navigation", "shell (main)", "other");

        static ThreadCpu read(long pid) throws IOException {
            java.util.Map<String, Double> byThread = new java.util.HashMap<>();
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                        byThread.put(task.getFileName() + " " + name, cpu);
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended while we read
                    }
                }
            }
            return new ThreadCpu(byThread);
        }

        /** Linux's thread names are cut to 15 characters: "C1 CompilerThre", "navemu-navigati". */
        static String group(String taskAndName) {
            String name = taskAndName.substring(taskAndName.indexOf(' ') + 1);
            if (name.contains("CompilerThre")) {
                return "JIT";
            }
            if (name.startsWith("GC") || name.startsWith("VM Thread")) {
                return "GC";
            }
            if (name.startsWith("navemu-lab")) {
                return "lab server";
            }
            if (name.startsWith("navemu-navigat")) {
                return "navigation";
            }
            if (name.equals("main") || name.equals("java")) {
                return "shell (main)";
            }
            return "other";
        }

        static void printSplit(String phase, ThreadCpu from, ThreadCpu to, Mark start, Mark end, int navigations) {
            if (from == null || to == null) {
                return;
            }
            java.util.Map<String, Double> groups = new java.util.LinkedHashMap<>();
            GROUPS.forEach(g -> groups.put(g, 0.0));
            double live = 0;
            for (var thread : to.byThread().entrySet()) {
                double delta = thread.getValue() - from.byThread().getOrDefault(thread.getKey(), 0.0);
                groups.merge(group(thread.getKey()), delta, Double::sum);
                live += delta;
            }
            double total = end.cpuSeconds() - start.cpuSeconds();
            groups.put("ended threads", Math.max(0, total - live));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-13s", phase));
            for (var group : groups.entrySet()) {
                line.append(String.format(Locale.ROOT, "  %s %.2f (%.0f%%)", group.getKey(), group.getValue() * 1000 / navigations,
                        total > 0 ? group.getValue() * 100 / total : 0));
            }
            System.out.println(line);
        }
    }

    /** utime + stime of /proc/PID/stat, in seconds. */
    private static double processCpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name (which may hold spaces) start after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
