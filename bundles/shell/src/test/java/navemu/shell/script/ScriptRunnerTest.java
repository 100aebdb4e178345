package navemu.shell.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.Environment;
import navemu.shell.fixtures.ShellHarness;

@Timeout(30)
class ScriptRunnerTest {
    @TempDir
    Path dir;

    private String script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void aScriptWhoseExpectationsHoldExitsZero() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("good.nav", "open https://www.lab.test/\nexpect status == 200\nexpect tls.version == TLSv1.3\n");
        assertEquals(0, shell.main("--script", file));
        assertTrue(shell.out().contains(file + ":2: expect status == 200 held"), shell.out());
        assertTrue(shell.out().contains(file + ":3: expect tls.version == TLSv1.3 held"), shell.out());
        assertTrue(shell.out().strip().endsWith("2 passed, 0 failed"), shell.out());
    }

    @Test
    void aFalseExpectationExitsOneAndNamesItsLine() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("script.nav", "open https://www.lab.test/\n\nexpect status == 404\nexpect tls.version == TLSv1.3\n");
        assertEquals(1, shell.main("--script", file));
        assertTrue(shell.out().contains(file + ":3: expect status == 404 failed: status is 200"), shell.out());
        assertTrue(shell.out().strip().endsWith("1 passed, 1 failed"), shell.out());
    }

    @Test
    void commentsAndBlankLinesAreSkippedButCountAsLines() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("c.nav", "# the tour\n\n   # indented comment\nopen https://www.lab.test/  # front page\nexpect ok == false\n");
        assertEquals(1, shell.main("--script", file));
        assertTrue(shell.out().contains(file + ":5: expect ok == false failed: ok is true"), shell.out());
        assertEquals(1, shell.navigator.requests().size());
        assertEquals("https://www.lab.test/", shell.navigator.requests().get(0).url());
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingTheLineAndTheScriptGoesOn() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("u.nav", "opn https://www.lab.test/\nopen https://www.lab.test/\nexpect status == 200\n");
        assertEquals(2, shell.main("--script", file));
        assertTrue(shell.err().contains(file + ":1: opn https://www.lab.test/: unknown command 'opn'"), shell.err());
        assertTrue(shell.out().contains(":3: expect status == 200 held"), shell.out());
        assertTrue(shell.out().contains("1 passed, 0 failed, 1 command erred"), shell.out());
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsNotPartOfItsCommand() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("bom.nav", "\uFEFFopen https://www.lab.test/\nexpect status == 200\n");
        assertEquals(0, shell.main("--script", file), shell.err());
        assertEquals(1, shell.navigator.requests().size());
        assertTrue(shell.out().contains(file + ":2: expect status == 200 held"), shell.out());
    }

    @Test
    void aScriptThatIsNotUtf8IsRefusedSayingSo() throws Exception {
        ShellHarness shell = new ShellHarness();
        Path file = dir.resolve("latin1.nav");
        Files.write(file, new byte[] {'#', ' ', (byte) 0xE9, '\n', 'o', 'p', 'e', 'n', '\n'});
        assertEquals(1, shell.main("--script", file.toString()));
        assertTrue(shell.err().contains("not UTF-8 text"), shell.err());
        assertTrue(shell.navigator.requests().isEmpty());
    }

    @Test
    void anExpectationOfTheWrongTypeIsAUsageErrorNamingTheLine() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("t.nav", "open https://www.lab.test/\nexpect status <= abc\nexpect status === 200\nexpect status == 200\n");
        assertEquals(2, shell.main("--script", file));
        assertTrue(shell.err().contains(file + ":2: expect status <= abc: ") && shell.err().contains("type mismatch"), shell.err());
        assertTrue(shell.err().contains(file + ":3: expect status === 200: ") && shell.err().contains("'===' is not an operator"),
                shell.err());
        assertTrue(shell.out().contains("1 passed, 0 failed, 2 commands erred"), shell.out());
    }

    @Test
    void anInvalidUrlIsAUsageErrorNamingTheLineAndNothingIsNavigated() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("p.nav", "open https://www.lab.test:-1/\n");
        assertEquals(2, shell.main("--script", file));
        assertTrue(shell.err().contains(file + ":1: open https://www.lab.test:-1/: invalid URL: invalid port '-1'"),
                shell.err());
        assertEquals(0, shell.navigator.requests().size());
    }

    @Test
    void whatTheUrlParserDroppedIsSaid() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("t.nav", "open 'https://www.lab\t.test/'\n");
        assertEquals(0, shell.main("--script", file));
        assertTrue(shell.err().contains("note: in the URL, removed U+0009 (tab) inside the URL"), shell.err());
        assertEquals(1, shell.navigator.requests().size());
    }

    @Test
    void aMalformedExpectLineIsAUsageError() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("m.nav", "open https://www.lab.test/\nexpect status 200\n");
        assertEquals(2, shell.main("--script", file));
        assertTrue(shell.err().contains(file + ":2: expect status 200: expect needs PATH OP VALUE"), shell.err());
    }

    @Test
    void anUnterminatedQuoteIsAUsageErrorNamingTheLine() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("q.nav", "open 'https://www.lab.test/\n");
        assertEquals(2, shell.main("--script", file));
        assertTrue(shell.err().contains(file + ":1: open 'https://www.lab.test/: unterminated single quote"), shell.err());
    }

    @Test
    void aCommandThatCannotBeDoneExitsOne() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("e.nav", "use tls nosuch\n");
        assertEquals(1, shell.main("--script", file));
        assertTrue(shell.err().contains(file + ":1: use tls nosuch: no tls implementation called 'nosuch'; registered now: jsse, tls13-ecdhe"),
                shell.err());
    }

    @Test
    void aBadSlotIsAUsageError() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(2, shell.main("-c", "use tlx jsse"));
        assertTrue(shell.err().contains("-c:1: use tlx jsse: unknown slot 'tlx'; the slots are [hsts, dns, tcp, tls, cert, session]"
                + " (usage: use [SLOT IMPL])"), shell.err());
    }

    @Test
    void aMissingScriptIsAUsageErrorAndNothingRuns() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(2, shell.main("-c", "open https://www.lab.test/", "--script", dir.resolve("nosuch.nav").toString()));
        assertTrue(shell.err().contains("--script " + dir.resolve("nosuch.nav") + ": no such script file"), shell.err());
        assertTrue(shell.navigator.requests().isEmpty());
    }

    @Test
    void aRelativeScriptNameIsAlsoLookedForInTheShippedScripts() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config/scripts"));
        Files.writeString(config.resolve("shipped-test.nav"), "open https://www.lab.test/\nexpect status == 200\n");
        ShellHarness shell = new ShellHarness();
        shell.services.properties.put(Environment.CONFIG_DIR, dir.resolve("config").toString());
        assertEquals(0, shell.main("-c", "replay shipped-test.nav"));
        assertTrue(shell.out().contains("shipped-test.nav:2: expect status == 200 held"), shell.out());
    }

    @Test
    void semicolonsSeparateCommandsInMinusC() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "open https://www.lab.test/missing; expect status == 404", "-c", "expect status == 200"));
        assertTrue(shell.out().contains("-c:1: expect status == 404 held"), shell.out());
        assertTrue(shell.out().contains("-c:2: expect status == 200 failed: status is 404"), shell.out());
    }

    @Test
    void aFailedNavigationWithoutExpectationsExitsOne() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "open https://nosuch.lab.test/"));
        assertTrue(shell.out().contains("ERR_NAME_NOT_RESOLVED"), shell.out());
    }

    @Test
    void aFailedNavigationThatTheScriptExpectsExitsZero() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "open https://nosuch.lab.test/; expect error == ERR_NAME_NOT_RESOLVED"));
    }

    @Test
    void replayReportsItsOwnSummaryAndFailsWhenTheScriptFails() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("r.nav", "open https://www.lab.test/\nexpect status == 500\n");
        assertEquals(1, shell.main("-c", "replay " + file));
        assertTrue(shell.out().contains(file + ":2: expect status == 500 failed: status is 200"), shell.out());
        assertTrue(shell.out().contains("0 passed, 1 failed"), shell.out());
        assertTrue(shell.err().contains("-c:1: replay " + file + ": the script did not pass: 0 passed, 1 failed"), shell.err());
    }

    @Test
    void replayOfAMissingFileSaysSo() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "replay " + dir.resolve("gone.nav")));
        assertTrue(shell.err().contains("no such script file: " + dir.resolve("gone.nav")), shell.err());
    }

    @Test
    void aScriptThatReplaysItselfStopsWithAClearMessage() throws Exception {
        ShellHarness shell = new ShellHarness();
        Path file = dir.resolve("self.nav");
        Files.writeString(file, "replay " + file + "\n");
        assertEquals(1, shell.main("--script", file.toString()));
        assertTrue(shell.err().contains("replay each other too deeply"), shell.err());
    }

    @Test
    void anExpectationBeforeAnyNavigationFails() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "expect status != 200"));
        assertTrue(shell.out().contains("-c:1: expect status != 200 failed: there is no result yet (run open first)"), shell.out());
    }

    @Test
    void quitEndsTheScript() throws Exception {
        ShellHarness shell = new ShellHarness();
        String file = script("quit.nav", "quit\nopen https://www.lab.test/\n");
        assertEquals(0, shell.main("--script", file));
        assertTrue(shell.navigator.requests().isEmpty());
    }

    @Test
    void underJsonEachNavigationIsOneJsonLineAndVerdictsGoToStderr() throws Exception {
        ShellHarness shell = new ShellHarness(true);
        assertEquals(0, shell.main("-c", "open https://www.lab.test/; expect status == 200"));
        String[] lines = shell.out().strip().split("\n");
        assertEquals(1, lines.length, shell.out());
        assertTrue(lines[0].startsWith("{\"schema\":\"navemu.result/2\",\"url\":\"https://www.lab.test/\""), lines[0]);
        assertTrue(lines[0].contains("\"error\":null"), lines[0]);
        assertTrue(shell.err().contains("expect status == 200 held"), shell.err());
        assertFalse(shell.out().contains("held"));
    }

    @Test
    void withoutANavigatorOpenSaysWhichBundleIsMissing() throws Exception {
        ShellHarness shell = new ShellHarness();
        shell.services.navigator = null;
        assertEquals(1, shell.main("-c", "open https://www.lab.test/"));
        assertTrue(shell.err().contains("no navigator is registered: is the navemu-navigator bundle active?"), shell.err());
    }

    @Test
    void aCommandThatThrowsDoesNotEndTheRun() throws Exception {
        ShellHarness shell = new ShellHarness();
        shell.services.navigator = request -> {
            throw new IllegalStateException("boom");
        };
        assertEquals(1, shell.main("-c", "open https://www.lab.test/; slots"));
        assertTrue(shell.err().contains("the navigator failed: java.lang.IllegalStateException: boom"), shell.err());
        assertTrue(shell.out().contains("*tls13-ecdhe"), "slots still ran: " + shell.out());
    }
}
