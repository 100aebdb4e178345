package navemu.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;
import navemu.shell.fixtures.ShellHarness;

/** The shell keeps the last N navigations for export, not every one it ever ran. */
@Timeout(60)
class ResultHistoryTest {
    @TempDir
    Path dir;

    @Test
    void theHistoryKeepsTheLastResultsOldestFirst() {
        ResultHistory history = new ResultHistory(3);
        for (int i = 1; i <= 5; i++) {
            history.add(Results.ok("https://www.lab.test/" + i, 200, "tls13-ecdhe"));
        }
        assertEquals(3, history.size());
        assertEquals(2, history.dropped());
        assertEquals(List.of("https://www.lab.test/3", "https://www.lab.test/4", "https://www.lab.test/5"),
                history.all().stream().map(result -> result.url).toList());
    }

    @Test
    void theCapacityComesFromThePropertyOrTheDefault() {
        assertEquals(ResultHistory.DEFAULT_CAPACITY, ResultHistory.capacityFrom(null));
        assertEquals(50, ResultHistory.capacityFrom(" 50 "));
        assertEquals(ResultHistory.DEFAULT_CAPACITY, ResultHistory.capacityFrom("0"));
        assertEquals(ResultHistory.DEFAULT_CAPACITY, ResultHistory.capacityFrom("lots"));
        assertThrows(IllegalArgumentException.class, () -> new ResultHistory(0));
    }

    @Test
    void aLongSessionKeepsTheLast200AndExportSaysSo() throws Exception {
        ShellHarness shell = new ShellHarness();
        int navigations = ResultHistory.DEFAULT_CAPACITY + 50;
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= navigations; i++) {
            script.append("open https://www.lab.test/; ");
        }
        Path file = dir.resolve("all.jsonl");
        assertEquals(0, shell.main("-c", script + "export json " + file));
        assertEquals(navigations, shell.navigator.requests().size());
        List<NavigationResult> kept = shell.session.results();
        assertEquals(ResultHistory.DEFAULT_CAPACITY, kept.size());
        assertEquals(ResultHistory.DEFAULT_CAPACITY, Files.readAllLines(file).size());
        assertTrue(shell.out().contains("wrote 200 navigations as json to " + file + " (the last 200; 50 older ones are no longer kept)"),
                shell.out());
    }

    @Test
    void theCapacityIsSetByTheProperty() throws Exception {
        ShellHarness shell = new ShellHarness();
        shell.services.properties.put(ResultHistory.CAPACITY_PROPERTY, "2");
        Session session = new Session(shell.services, shell.session.console(), false, shell.session.registry());
        for (int i = 0; i < 5; i++) {
            session.navigate("https://www.lab.test/", java.util.Map.of());
        }
        assertEquals(2, session.results().size());
        assertEquals(3, session.history().dropped());
    }

    @Test
    void helpExportSaysWhatExportCanReach() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "help export"));
        assertTrue(shell.out().contains("json and har write the last 200 navigations of this session (set with -Dnavemu.shell.history=N)"),
                shell.out());
        assertEquals(0, shell.main("-c", "help"));
        assertTrue(shell.out().contains("write this session's last 200 results (by default)"), shell.out());
    }
}
