package navemu.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs the real {@code navemu.jar} — Felix, every bundle, the lab world — as a user would,
 * with {@code ./navemu}'s JVM flags ({@link NavemuJvmFlags}) and its own navemu home directory,
 * and collects what it printed.
 *
 * <p>A home without a lab CA is first given a copy of one made once for the whole test run
 * ({@link LabCa}); only {@link #firstStart} lets navemu make its own, as a user's first start does.
 */
final class NavemuProcess {
    static final long TIMEOUT_SECONDS = 120;

    record Outcome(int exitCode, String stdout, String stderr) {

        /** Every JSON object printed on a line of its own (one per navigation with --json). */
        List<JsonObject> jsonLines() {
            List<JsonObject> out = new ArrayList<>();
            for (String line : stdout.split("\n")) {
                if (line.startsWith("{")) {
                    out.add(JsonParser.parseString(line).getAsJsonObject());
                }
            }
            return out;
        }

        JsonObject onlyJson() {
            List<JsonObject> all = jsonLines();
            if (all.size() != 1) {
                fail("expected one JSON line, got " + all.size() + ":\n" + this);
            }
            return all.get(0);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static Outcome run(Path home, String... args) throws IOException, InterruptedException {
        return runWithPath(home, null, args);
    }

    /** As {@link #run}, with this PATH in navemu's environment (null: the test's own). */
    static Outcome runWithPath(Path home, String path, String... args) throws IOException, InterruptedException {
        LabCa.copyInto(home);
        return start(home, path, List.of(), null, args);
    }

    /** As {@link #run}, the JVM started with {@code jvmOptions} too (such as {@code -Dnavemu.timing=true}). */
    static Outcome runWithJvmOptions(Path home, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        LabCa.copyInto(home);
        return start(home, null, jvmOptions, null, args);
    }

    /**
     * The first start on a new home: navemu makes the lab's CA itself (some 8 s, an RSA 4096 key
     * among its keys) and says so. {@code input} as in {@link #runInteractive}; null runs with no input.
     */
    static Outcome firstStart(Path home, List<String> jvmOptions, String input, String... args)
            throws IOException, InterruptedException {
        return start(home, null, jvmOptions, input, args);
    }

    /**
     * The interactive shell with {@code input} piped in as its commands (JLine's dumb terminal),
     * the JVM started with {@code jvmOptions} (such as {@code -Dnavemu.timing=true}).
     */
    static Outcome runInteractive(Path home, List<String> jvmOptions, String input, String... args)
            throws IOException, InterruptedException {
        LabCa.copyInto(home);
        return start(home, null, jvmOptions, input, args);
    }

    private static Outcome start(Path home, String path, List<String> jvmOptions, String input, String... args)
            throws IOException, InterruptedException {
        String jar = System.getProperty("navemu.jar", "target/navemu.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(NavemuJvmFlags.get());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "--home", home.toString()));
        command.addAll(List.of(args));
        Path in = Files.createTempFile("navemu-in", ".txt");
        Path out = Files.createTempFile("navemu-out", ".txt");
        Path err = Files.createTempFile("navemu-err", ".txt");
        try {
            Files.writeString(in, input == null ? "" : input, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command);
            if (path != null) {
                builder.environment().put("PATH", path);
            }
            Process process = builder
                    .redirectInput(input == null ? new java.io.File("/dev/null") : in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("navemu did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", args)
                        + "\n" + Files.readString(out) + Files.readString(err));
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
