package navemu.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.nav.ConnectionReuse;
import navemu.api.nav.NavigationRequest;
import navemu.shell.fixtures.ShellHarness;

/**
 * What the shell asks of the navigator's connections: {@code open} reuses as a browser does,
 * {@code open --new-connection} never, {@code compare}'s runs only within themselves, and
 * {@code sessions clear} closes the idle ones.
 */
@Timeout(30)
class ConnectionReuseOptionsTest {

    private static List<ConnectionReuse> asked(ShellHarness shell) {
        return shell.navigator.requests().stream().map(NavigationRequest::connections).toList();
    }

    @Test
    void openReusesAndNewConnectionNever() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "open https://www.lab.test/", "-c", "open --new-connection https://www.lab.test/",
                "-c", "open https://www.lab.test/ --new-connection --full"), shell.err());
        assertEquals(List.of(ConnectionReuse.POOLED, ConnectionReuse.NEVER, ConnectionReuse.NEVER), asked(shell));
    }

    @Test
    void compareRunsNeverShareAConnectionWithAnotherRunOrTheShell() throws Exception {
        for (String mode : List.of("", "--warm ", "--shared ")) {
            ShellHarness shell = new ShellHarness();
            assertEquals(0, shell.main("-c", "compare -n 1 " + mode + "https://www.lab.test/ tls=tls13-ecdhe vs tls=jsse"),
                    shell.err());
            assertEquals(4, asked(shell).size(), "a warm-up and a run per side");
            assertTrue(asked(shell).stream().allMatch(ConnectionReuse.WITHIN_NAVIGATION::equals), mode + asked(shell));
        }
    }

    @Test
    void sessionsClearAlsoClosesTheIdleConnections() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "sessions clear"), shell.err());
        assertEquals(1, shell.navigator.idleConnectionsClosed());
        assertTrue(shell.out().contains("and closed 1 idle connection kept for reuse"), shell.out());
    }
}
