package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prewarm of the real jar. In the interactive shell it runs in the background once the prompt
 * is up, and an {@code open} typed at once waits for it (commands piped in: JLine's dumb
 * terminal); a batch run has no prompt, so its first navigation starts it and waits. Either way
 * it leaves nothing the user could see: no DNS cache entry, no TLS session, no HSTS entry.
 */
@Timeout(300)
class PrewarmIT {

    @TempDir
    Path home;

    @Test
    void thePrewarmRunsBehindThePromptAndLeavesNoUserState() throws Exception {
        // An address, a port nobody listens on: no DNS, no TLS, no HSTS of its own; it only waits for the prewarm.
        NavemuProcess.Outcome run = NavemuProcess.runInteractive(home, List.of("-Dnavemu.timing=true"),
                String.join("\n", List.of("open https://127.0.0.1:1/", "dns cache", "sessions", "hsts list", "")));
        String out = run.stdout();
        String err = run.stderr();

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

    @Test
    void aBatchRunWarmsUpAtItsFirstNavigationAndLeavesNoUserState() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.runWithJvmOptions(home, List.of("-Dnavemu.timing=true"),
                "-c", "open https://127.0.0.1:1/", "-c", "dns cache", "-c", "sessions", "-c", "hsts list");

        assertTrue(run.stderr().contains("navemu: prewarm done") && run.stderr().contains("resolver warmed"),
                "the first open started the prewarm and waited for its end: " + run);
        assertTrue(run.stdout().contains("ERR_CONNECTION_REFUSED"), run.toString());
        assertTrue(run.stdout().contains("cache is empty"), "no DNS cache entry: " + run);
        assertTrue(run.stdout().contains("no sessions kept"), "no TLS session: " + run);
        assertTrue(run.stdout().contains("no HSTS entries"), "no HSTS entry: " + run);
    }

    @Test
    void aBatchRunWithoutANavigationOrWithThePrewarmSwitchedOffDoesNotWarmUp() throws Exception {
        NavemuProcess.Outcome noNavigation = NavemuProcess.runWithJvmOptions(home, List.of("-Dnavemu.timing=true"), "-c", "slots");
        NavemuProcess.Outcome off = NavemuProcess.runWithJvmOptions(home, List.of("-Dnavemu.timing=true", "-Dnavemu.prewarm=false"),
                "-c", "open https://127.0.0.1:1/");

        assertEquals(0, noNavigation.exitCode(), noNavigation.toString());
        assertFalse(noNavigation.stderr().contains("prewarm"), "nothing to warm up for: " + noNavigation);
        assertTrue(off.stdout().contains("ERR_CONNECTION_REFUSED"), off.toString());
        assertFalse(off.stderr().contains("prewarm"), "switched off: " + off);
    }
}
