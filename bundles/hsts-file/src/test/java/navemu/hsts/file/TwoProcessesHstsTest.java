package navemu.hsts.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.hsts.HstsPolicy;

/**
 * Two real JVM processes write HSTS entries into one navemu home at the same time, as two navemu
 * shells sharing {@code ~/.navemu} do; every entry either of them acknowledged must be in the file.
 * (Before the file lock and the merge on write, the last writer won: about half were lost.)
 */
class TwoProcessesHstsTest {

    private static final int PER_PROCESS = 60;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twoProcessesWritingAtOnceLoseNoAcknowledgedEntry() throws Exception {
        Path file = home.resolve("hsts.json");
        Path go = home.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (String prefix : List.of("first", "second")) {
            Path output = home.resolve(prefix + ".out");
            outputs.add(output);
            processes.add(new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    "-XX:TieredStopAtLevel=1", HstsWriterProcess.class.getName(),
                    file.toString(), prefix, Integer.toString(PER_PROCESS), go.toString())
                    .redirectOutput(output.toFile()).redirectError(home.resolve(prefix + ".err").toFile()).start());
        }
        Files.writeString(go, "go");
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            assertTrue(process.waitFor(240, TimeUnit.SECONDS), "process " + i + " did not finish");
            assertEquals(0, process.exitValue(), () -> "process failed: " + read(home.resolve(
                    (processes.indexOf(process) == 0 ? "first" : "second") + ".err")));
        }
        Set<String> acknowledged = new TreeSet<>();
        for (Path output : outputs) {
            acknowledged.addAll(Files.readAllLines(output, StandardCharsets.UTF_8));
        }
        assertEquals(2 * PER_PROCESS, acknowledged.size(), "every change was acknowledged");
        Set<String> inFile = new TreeSet<>();
        for (HstsPolicy policy : new HstsJsonFile(file).read()) {
            inFile.add(policy.host());
        }
        assertEquals(acknowledged, inFile);
        try (var files = Files.list(home)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
