package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background prewarm of the real jar's interactive shell: it runs once the prompt is up, an
 * {@code open} typed at once waits for it, and it leaves nothing the user could see — no DNS
 * cache entry, no TLS session, no HSTS entry. (Commands piped in: JLine's dumb terminal.)
 */
@Timeout(300)
class PrewarmIT {

    @TempDir
    Path home;

    @Test
    void thePrewarmRunsBehindThePromptAndLeavesNoUserState() throws Exception {
        String jar = System.getProperty("navemu.jar", "target/navemu.jar");
        LabCa.copyInto(home);
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(NavemuJvmFlags.get());
        command.addAll(List.of("-Dnavemu.timing=true", "-jar", jar, "--home", home.toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile())
                .start();
        try (OutputStream in = process.getOutputStream()) {
            // An address, a port nobody listens on: no DNS, no TLS, no HSTS of its own; it only waits for the prewarm.
            in.write(String.join("\n", List.of("open https://127.0.0.1:1/", "dns cache", "sessions", "hsts list", ""))
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(NavemuProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS), "navemu ended");
        String out = Files.readString(home.resolve("out.txt"));
        String err = Files.readString(home.resolve("err.txt"));

        assertTrue(err.contains("navemu: prewarm done") && err.contains("resolver warmed"),
                "the prewarm ran to its end before the open: " + err);
        java.util.regex.Matcher navigations = java.util.regex.Pattern.compile("(\\d+) navigation\\(s\\)").matcher(err);
        assertTrue(navigations.find() && Integer.parseInt(navigations.group(1)) >= 2,
                "it navigated to the lab, also over the emulated link: " + err);
        assertTrue(out.contains("ERR_CONNECTION_REFUSED"), out);
        assertTrue(out.contains("cache is empty"), "no DNS cache entry: " + out);
        assertTrue(out.contains("no sessions kept"), "no TLS session: " + out);
        assertTrue(out.contains("no HSTS entries"), "no HSTS entry: " + out);
    }
}
