package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded script is a regression test only if it replays the same wherever it runs: in the
 * shell that recorded it, and in a fresh one. Recorded in a shell that had swapped the tls slot
 * and already visited the sites (so it held their sessions), the script used to pin a resumed
 * TLS 1.3 visit and a TLS 1.2 site that the default composition cannot reach; a fresh shell
 * failed those expects.
 */
@Timeout(600)
class RecordReplayIT {

    @TempDir
    static Path home;

    @Test
    void aScriptRecordedInAShellThatSwappedASlotAndHeldSessionsReplaysTheSameInAFreshShellAndInTheSameOne()
            throws Exception {
        Path script = home.resolve("recorded.nav");
        NavemuProcess.Outcome recording = NavemuProcess.run(home,
                "-c", "use tls browser",
                "-c", "open https://resume.lab.test/",
                "-c", "open https://tls12.lab.test/",
                "-c", "record " + script,
                "-c", "open https://resume.lab.test/",
                "-c", "open https://tls12.lab.test/",
                "-c", "record stop",
                "-c", "replay " + script);
        assertEquals(0, recording.exitCode(), "the replay in the recording shell holds:\n" + recording);
        assertTrue(recording.stdout().contains("0 failed"), recording.toString());

        List<String> lines = Files.readAllLines(script);
        assertTrue(lines.contains("use tls browser"), "the composition it was recorded under: " + lines);
        assertTrue(lines.contains("use session memory"), lines.toString());
        assertTrue(lines.indexOf("sessions clear") < lines.indexOf("open https://resume.lab.test/"),
                "it starts from cleared sessions: " + lines);

        NavemuProcess.Outcome fresh = NavemuProcess.run(home, "--script", script.toString());
        assertEquals(0, fresh.exitCode(), "a fresh shell replays it the same:\n" + fresh);
        assertTrue(fresh.stdout().contains("0 failed"), fresh.toString());
    }
}
