package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * navemu.jar on a real terminal (a tmux pane): the launcher draws the prompt before the framework
 * starts, and the shell takes it over. A command typed at once waits for every bundle and runs;
 * Ctrl-C at that prompt clears the line; Ctrl-D there leaves; the history keeps what was typed;
 * what the start behind the prompt has to say is printed above it, the line being typed kept.
 * Needs tmux ({@code .ci/run} installs it); skipped, saying so, where it is missing.
 */
@Timeout(300)
class EarlyPromptIT {
    private static final long WAIT_MILLIS = 60_000;

    /**
     * One home for the class, started once before: the prompt comes before the framework only where
     * the bundles are unpacked already (a home's first start unpacks them and starts everything first).
     */
    @TempDir
    static Path home;

    private final String session = "navemu-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean started;

    @BeforeAll
    static void startOnceOnANewHome() throws Exception {
        NavemuProcess.Outcome first = NavemuProcess.run(home, "-c", "quit");
        assertEquals(0, first.exitCode(), first.toString());
    }

    @AfterEach
    void killTheSession() throws IOException, InterruptedException {
        if (started) {
            run("tmux", "kill-session", "-t", session);
        }
    }

    @Test
    void thePromptComesBeforeTheFrameworkAndACommandTypedAtOnceRunsOnEveryBundle() throws Exception {
        startNavemu("-Dnavemu.timing=true");
        String screen = awaitScreen("navemu> ", 1);
        keys("bundles", "Enter");
        screen = awaitScreen("navemu-shell", 1);
        assertTrue(screen.indexOf("timing: prompt drawn (before the framework)") >= 0
                && screen.indexOf("timing: prompt drawn (before the framework)") < screen.indexOf("timing: framework initialised"),
                "the prompt is drawn before the framework is initialised: " + screen);
        screen = awaitScreen("navemu> ", 2);
        // The listing starts at the system bundle (the timing lines on stderr may have landed
        // between the prompt and the command typed after it).
        String listing = screen.substring(screen.indexOf("ACTIVE      org.apache.felix.framework"));
        assertTrue(listing.contains("ACTIVE      navemu-navigator") && listing.contains("ACTIVE      navemu-lab"), listing);
        for (String state : List.of("INSTALLED", "RESOLVED", "STARTING")) {
            assertFalse(listing.contains(state), "every bundle was up before the command ran: " + listing);
        }
        assertFalse(listing.contains("org.jline"), "JLine is the launcher's, not a bundle: " + listing);
        keys("quit", "Enter");
        awaitScreen("NAVEMU-EXITED-0", 1);
        assertTrue(Files.readString(home.resolve("history")).contains("bundles"), "the first line is in the history");
    }

    @Test
    void ctrlCAtTheFirstPromptClearsTheLineAndCtrlDLeaves() throws Exception {
        startNavemu();
        awaitScreen("navemu> ", 1);
        keys("frobnicate");
        awaitScreen("navemu> frobnicate", 1);
        keys("C-c");
        awaitScreen("navemu> ", 2); // the line cleared, the prompt drawn again
        keys("C-d");
        String screen = awaitScreen("NAVEMU-EXITED-0", 1);
        assertFalse(screen.contains("unknown command"), "the cleared line never ran: " + screen);
    }

    @Test
    void whatTheStartBehindThePromptSaysIsPrintedAboveItAndTheLineBeingTypedIsKept(@TempDir Path config) throws Exception {
        ConfigCopy.of(config);
        Files.writeString(config.resolve("osgi/navemu.navigator.cfg"), "hopTimeoutMs=forever\n");
        startNavemuWith("--config '" + config + "'");
        awaitScreen("navemu> ", 1);
        keys("open https://www.lab.test/"); // typed while the start behind the prompt runs, not yet entered
        String problem = "navemu: navemu.navigator.cfg: hopTimeoutMs=forever refused";
        String screen = awaitScreen(problem, 1);
        screen = awaitScreen("navemu> open https://www.lab.test/", 1);
        assertTrue(screen.indexOf(problem) < screen.lastIndexOf("navemu> open https://www.lab.test/"),
                "the line above the prompt, the prompt and what was typed drawn again below it: " + screen);
        keys("Enter");
        screen = awaitScreen("https://www.lab.test/  →  200", 1);
        assertEquals(screen.indexOf(problem), screen.lastIndexOf(problem), "said once: " + screen);
        keys("C-d");
        awaitScreen("NAVEMU-EXITED-0", 1);
    }

    private void startNavemu(String... jvmOptions) throws IOException, InterruptedException {
        startNavemuWith("", jvmOptions);
    }

    private void startNavemuWith(String launcherOptions, String... jvmOptions) throws IOException, InterruptedException {
        assumeTrue(tmuxPresent(), "tmux is not installed: the real-terminal test cannot run here");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("navemu.jar", "target/navemu.jar");
        // ./navemu's flags, as in NavemuProcess, quoted for the shell tmux runs the command in.
        String flags = String.join(" ", NavemuJvmFlags.get().stream().map(flag -> "'" + flag + "'").toList());
        String command = String.join(" ", java, flags, String.join(" ", jvmOptions), "-jar", "'" + jar + "'", "--home", "'" + home + "'",
                launcherOptions, ";", "echo", "NAVEMU-EXITED-$?", ";", "sleep", "120");
        run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "60", command);
        started = true;
    }

    private static boolean tmuxPresent() {
        try {
            Process probe = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void keys(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        command.addAll(List.of(keys));
        run(command.toArray(new String[0]));
    }

    /** Waits until the screen shows {@code text} {@code times} times; fails with the screen if it never does. */
    private String awaitScreen(String text, int times) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = run("tmux", "capture-pane", "-p", "-J", "-S", "-300", "-t", session);
            if (count(screen, text) >= times) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed '" + text + "' " + times + " time(s):\n" + screen);
    }

    private static int count(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }
}
