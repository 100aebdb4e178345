package navemu.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM flags {@code ./navemu} starts the jar with, read from {@code scripts/jvm-flags.sh} (C1
 * only, the serial collector with its heap cap, the AppCDS archive the build made), so that the
 * tests run the jar as users do, and at about half the CPU per start of the JVM's defaults.
 */
final class NavemuJvmFlags {
    private static List<String> flags;

    private NavemuJvmFlags() {
    }

    /** The flags, read once; the script runs from the repository's root, the runtime module's parent. */
    static synchronized List<String> get() throws IOException, InterruptedException {
        if (flags == null) {
            Process bash = new ProcessBuilder("bash", "-c", "source scripts/jvm-flags.sh && printf '%s\\n' \"${JVM_FLAGS[@]}\"")
                    .directory(Path.of("").toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!bash.waitFor(30, TimeUnit.SECONDS) || bash.exitValue() != 0 || out.isBlank()) {
                throw new IllegalStateException("could not read ./navemu's JVM flags from scripts/jvm-flags.sh: " + out);
            }
            flags = out.lines().filter(line -> !line.isBlank()).toList();
        }
        return flags;
    }
}
