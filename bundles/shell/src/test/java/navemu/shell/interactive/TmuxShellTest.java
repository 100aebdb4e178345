package navemu.shell.interactive;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.shell.fixtures.TerminalShellMain;

/**
 * Types into the real shell on a real terminal (a tmux pane) and reads the screen: completion,
 * navigation, the views, Ctrl-C during a slow navigation, history, Ctrl-D. Needs tmux
 * ({@code .ci/run} installs it); skipped, saying so, where it is missing.
 */
@Timeout(120)
class TmuxShellTest {
    private static final long WAIT_MILLIS = 20_000;

    @TempDir
    Path home;

    private final String session = "navemu-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean started;

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

    private String screen() throws IOException, InterruptedException {
        return run("tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", session);
    }

    /** Waits until the screen shows {@code text} {@code times} times; fails with the screen if it never does. */
    private String awaitScreen(String text, int times) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
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

    private static boolean stracePresent() {
        try {
            Process probe = new ProcessBuilder("strace", "-f", "-e", "trace=execve", "-o", "/dev/null", "true")
                    .redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @AfterEach
    void killTheSession() throws IOException, InterruptedException {
        if (started) {
            run("tmux", "kill-session", "-t", session);
        }
    }

    @Test
    void completionNavigationViewsCtrlCHistoryAndCtrlDWorkOnARealTerminal() throws Exception {
        assumeTrue(tmuxPresent(), "tmux is not installed: the real-terminal test cannot run here");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-cp", "'" + System.getProperty("java.class.path") + "'",
                TerminalShellMain.class.getName(), "'" + home + "'", ";", "echo", "SHELL-EXITED-$?", ";", "sleep", "60");
        run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", command);
        started = true;
        awaitScreen("navemu> ", 1);

        keys("use tls ", "Tab", "Tab");
        String screen = awaitScreen("tls13-ecdhe", 1);
        assertTrue(screen.contains("jsse"), screen);
        keys("C-u", "open https://www.lab.test/", "Enter");
        awaitScreen("200 OK", 1);

        keys("ladder", "Enter");
        screen = awaitScreen("ClientHello (250 B)", 1);
        assertTrue(screen.contains("ClientHello (250 B) ─"), "box drawing stays box drawing: " + screen);
        keys("timeline", "Enter");
        awaitScreen("█", 1);

        keys("open https://slow.lab.test/", "Enter");
        awaitScreen("waiting on the network", 1);
        keys("C-c");
        awaitScreen("ERR_ABORTED: cancelled by the user", 1);
        awaitScreen("navemu> ", 5);

        keys("Up");
        awaitScreen("navemu> open https://slow.lab.test/", 2);
        keys("C-u", "C-d");
        awaitScreen("SHELL-EXITED-0", 1);
        String history = Files.readString(home.resolve("history"));
        assertTrue(history.contains("open https://www.lab.test/") && history.contains("ladder"), history);
    }

    @Test
    void onAnEightyColumnTerminalEveryViewFoldsItsOwnLinesInsteadOfLeavingThemToTheTerminal() throws Exception {
        assumeTrue(tmuxPresent(), "tmux is not installed: the real-terminal test cannot run here");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-cp", "'" + System.getProperty("java.class.path") + "'",
                TerminalShellMain.class.getName(), "'" + home + "'", ";", "echo", "SHELL-EXITED-$?", ";", "sleep", "60");
        run("tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "50", command);
        started = true;
        awaitScreen("navemu> ", 1);
        keys("open https://www.lab.test/", "Enter");
        awaitScreen("200 OK", 1);
        keys("headers", "Enter");
        awaitScreen("< HTTP/1.1 200", 1);
        keys("ladder", "Enter");
        String screen = awaitScreen("ClientHello (250 B)", 1);
        // capture-pane -J joins the rows the terminal itself wrapped: a line longer than the
        // window here is one navemu printed too long and left to the terminal to cut or wrap.
        for (String line : screen.split("\n")) {
            String shown = line.stripTrailing();
            assertTrue(shown.codePointCount(0, shown.length()) <= 80, "a line wider than the 80-column window: " + shown);
        }
        keys("C-d");
        awaitScreen("SHELL-EXITED-0", 1);
    }

    /**
     * What the prompt costs on a real terminal: JLine's terminal comes from its native library, so
     * no process is forked (its exec provider ran {@code test -t 1} just to be loaded), and the
     * JSON renderer (Gson) is not made before a command needs it. Read from the child's execve
     * calls (strace) and the classes its JVM loaded, from start to {@code quit}.
     */
    @Test
    void theShellReachesItsPromptAndLeavesWithoutForkingAProcessOrLoadingGson() throws Exception {
        assumeTrue(tmuxPresent(), "tmux is not installed: the real-terminal test cannot run here");
        assumeTrue(stracePresent(), "strace is missing or cannot trace here: the fork check cannot run");
        Path execs = home.resolve("execve.txt");
        Path classes = home.resolve("classes.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A terminal type JLine has built in (tmux speaks screen's): for one it does not know, JLine
        // asks infocmp, a fork the shell keeps, since that is how it learns the terminal's codes.
        String command = String.join(" ", "env", "TERM=screen-256color", "strace", "-f", "-e", "trace=execve", "-o", "'" + execs + "'", java,
                "'-Xlog:class+load=info:file=" + classes + "'", "-cp", "'" + System.getProperty("java.class.path") + "'",
                TerminalShellMain.class.getName(), "'" + home + "'", ";", "echo", "SHELL-EXITED-$?", ";", "sleep", "60");
        run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", command);
        started = true;
        awaitScreen("navemu> ", 1);
        keys("quit", "Enter");
        awaitScreen("SHELL-EXITED-0", 1);

        List<String> programs = Files.readAllLines(execs).stream()
                .filter(line -> line.contains("execve(\"") && line.contains(") = 0"))
                .map(line -> line.substring(line.indexOf("execve(\"") + 8, line.indexOf('"', line.indexOf("execve(\"") + 8)))
                .toList();
        assertTrue(!programs.isEmpty() && programs.stream().allMatch(program -> program.equals(java)
                        || Path.of(program).getFileName().toString().equals("java")),
                "the shell forked a process before or after its prompt: " + programs);
        List<String> gson = Files.readAllLines(classes).stream()
                // Gson itself, its builder, its adapters: not the tree types a class of the shell names
                .filter(line -> line.contains(" com.google.gson.Gson") || line.contains(" com.google.gson.internal.")).toList();
        assertTrue(gson.isEmpty(), "Gson was loaded for a session that never needed JSON: " + gson);
    }
}
