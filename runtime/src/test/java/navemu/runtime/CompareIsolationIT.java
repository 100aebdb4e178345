package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * {@code compare} against the lab through the real jar: the two sides of the same composition
 * never share a session, so the right side does not resume the ticket the left side just got
 * (it used to, and its handshake looked faster for it); {@code --shared} is how to ask for that.
 */
@Timeout(600)
class CompareIsolationIT {

    @TempDir
    static Path home;

    private static boolean resumed(JsonObject result) {
        return result.getAsJsonObject("tls").get("resumed").getAsBoolean();
    }

    @Test
    void theSameCompositionOnBothSidesNeverResumesTheOtherSidesTicket() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "use tls browser",
                "-c", "open https://resume.lab.test/",
                "-c", "compare -n 2 https://resume.lab.test/ tls=browser");

        List<JsonObject> results = run.jsonLines();
        assertEquals(3, results.size(), run.toString());
        assertTrue(results.get(1).get("ok").getAsBoolean(), run.toString());
        assertFalse(resumed(results.get(1)), "the left side is a first visit, not the shell's ticket: " + results.get(1));
        assertFalse(resumed(results.get(2)), "the right side does not resume the left side's ticket: " + results.get(2));
        assertEquals("left", results.get(1).getAsJsonArray("steps").get(1).getAsJsonObject()
                .getAsJsonObject("detail").get("scope").getAsString(), "the dns step names its scope");
        assertTrue(run.stderr().contains("median of 2 alternating runs per side after a discarded warm-up; each run"
                + " its own empty DNS cache and session store (a first visit)"), run.toString());
    }

    @Test
    void warmKeepsEachSidesOwnSessionsAndSharedUsesTheShells() throws Exception {
        NavemuProcess.Outcome warm = NavemuProcess.run(home, "--json", "-c", "use tls browser",
                "-c", "compare --warm -n 1 https://resume.lab.test/ tls=browser");
        List<JsonObject> results = warm.jsonLines();
        assertEquals(2, results.size(), warm.toString());
        assertTrue(resumed(results.get(0)) && resumed(results.get(1)), "each side resumes its own warm-up's ticket: " + warm);

        NavemuProcess.Outcome shared = NavemuProcess.run(home, "--json", "-c", "use tls browser",
                "-c", "compare --shared -n 1 https://resume.lab.test/ tls=browser", "-c", "sessions");
        assertTrue(shared.jsonLines().stream().allMatch(CompareIsolationIT::resumed), shared.toString());
        assertTrue(shared.stdout().contains("resume.lab.test"), "the shell's store keeps what --shared left: " + shared);
    }
}
