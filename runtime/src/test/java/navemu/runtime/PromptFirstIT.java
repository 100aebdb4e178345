package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell draws its prompt before the bundles it does not need have started, and
 * starts them behind it: every command waits for them, and what their start says is said once it
 * is done. The first start on a home starts everything first, so the lab's certificate authority
 * is made with its progress on stderr before the prompt. (Commands piped in: JLine's dumb
 * terminal; {@code -Dnavemu.timing=true} marks when the prompt is drawn and when the bundles are
 * started.)
 */
@Timeout(300)
class PromptFirstIT {
    private static final List<String> TIMING = List.of("-Dnavemu.timing=true");
    private static final String PROMPT_DRAWN = "navemu: timing: prompt drawing";
    private static final String BUNDLES_STARTED = "navemu: timing: bundles started";

    /** One home for the class, so the lab's CA (an RSA 4096 key among its keys) is made once. */
    @TempDir
    static Path home;
    /** The interactive shell's first start on that home. */
    private static NavemuProcess.Outcome firstStart;

    @BeforeAll
    static void startOnceOnANewHome() throws Exception {
        firstStart = NavemuProcess.firstStart(home, TIMING, "quit\n");
    }

    @Test
    void theFirstStartOnAHomeStartsEverythingBeforeThePrompt() {
        assertEquals(0, firstStart.exitCode(), firstStart.toString());
        assertTrue(firstStart.stderr().contains("navemu: creating the lab's certificate authority"), firstStart.toString());
        assertTrue(firstStart.stderr().indexOf(BUNDLES_STARTED) < firstStart.stderr().indexOf(PROMPT_DRAWN),
                "everything first, so the making of the CA is said before the prompt: " + firstStart);
    }

    @Test
    void thePromptComesBeforeTheOtherBundlesStartAndACommandWaitsForThem() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.runInteractive(home, TIMING, "bundles\nquit\n");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains(PROMPT_DRAWN) && run.stderr().contains(BUNDLES_STARTED), run.toString());
        assertTrue(run.stderr().indexOf(PROMPT_DRAWN) < run.stderr().indexOf(BUNDLES_STARTED),
                "the prompt first, the other bundles behind it: " + run);
        List<String> bundles = run.stdout().lines().filter(line -> line.contains(" navemu-") || line.contains(" org.")).toList();
        assertTrue(bundles.stream().anyMatch(line -> line.contains("navemu-navigator")), run.toString());
        assertTrue(bundles.stream().anyMatch(line -> line.contains("navemu-lab")), run.toString());
        assertTrue(bundles.stream().allMatch(line -> line.contains("ACTIVE")),
                "'bundles' ran once every bundle had started: " + run);
    }

    @Test
    void whatTheStartSaysIsSaidOnceItIsDoneAndCommandsStillRun(@TempDir Path config) throws Exception {
        ConfigCopy.of(config);
        Files.writeString(config.resolve("osgi/navemu.navigator.cfg"), "hopTimeoutMs=forever\n");

        NavemuProcess.Outcome run = NavemuProcess.runInteractive(home, List.of(),
                "open https://www.lab.test/\nquit\n", "--config", config.toString());

        assertEquals(0, run.exitCode(), run.toString());
        String problem = "navemu: navemu.navigator.cfg: hopTimeoutMs=forever refused";
        assertTrue(run.stderr().contains(problem), "the navigator's start said it: " + run);
        assertEquals(run.stderr().indexOf(problem), run.stderr().lastIndexOf(problem), "once: " + run);
        assertFalse(run.stdout().contains(problem), "on stderr only: " + run);
        assertTrue(run.stdout().contains("https://www.lab.test/  →  200"), "the open ran: " + run);
    }
}
