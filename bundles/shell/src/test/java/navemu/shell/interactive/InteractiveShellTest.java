package navemu.shell.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.Slot;
import navemu.shell.PendingStart;
import navemu.shell.fixtures.FakeServices;

@Timeout(30)
class InteractiveShellTest {
    @TempDir
    Path home;

    private int status;

    private String type(FakeServices services, String input) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // What the shell gets when stdin is a pipe: a dumb terminal.
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            status = new InteractiveShell(services, PendingStart.NONE, false, new PrintStream(new ByteArrayOutputStream())).run(terminal);
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    private FakeServices services() {
        return FakeServices.labAt(home);
    }

    @Test
    void commandsPipedInRunAndTheShellEndsAtEndOfInput() throws Exception {
        FakeServices services = services();
        String screen = type(services, "use tls jsse\nopen https://www.lab.test/\nexpect status == 200\n");
        assertTrue(screen.contains("navemu> "), screen);
        assertTrue(screen.contains("tls: jsse (was tls13-ecdhe)"), screen);
        assertTrue(screen.contains("https://www.lab.test/  →  200 OK"), screen);
        assertTrue(screen.contains("expect status == 200 held"), screen);
        assertEquals("jsse", services.composition.active().get(Slot.TLS));
        assertEquals(0, status);
    }

    @Test
    void pipedCommandsExitWithTheStatusAScriptWouldHave() throws Exception {
        type(services(), "open https://www.lab.test/\nexpect status == 404\n");
        assertEquals(1, status);
        type(services(), "frobnicate\n");
        assertEquals(2, status);
    }

    @Test
    void aBadCommandPrintsWhatIsWrongAndTheShellGoesOn() throws Exception {
        String screen = type(services(), "frobnicate\nuse tls\nexpect status = 1\nopen \"unterminated\nslots\nquit\nslots\n");
        assertTrue(screen.contains("frobnicate: unknown command 'frobnicate'"), screen);
        assertTrue(screen.contains("use tls: use takes a slot and an implementation"), screen);
        assertTrue(screen.contains("expect needs PATH OP VALUE"), screen);
        assertTrue(screen.contains("unterminated double quote"), screen);
        assertTrue(screen.contains("*tls13-ecdhe"), "slots ran after the errors: " + screen);
        assertEquals(screen.indexOf("*tls13-ecdhe"), screen.lastIndexOf("*tls13-ecdhe"), "nothing ran after quit");
    }

    @Test
    void historyIsKeptInTheNavemuHome() throws Exception {
        type(services(), "slots\nhelp\n");
        Path history = home.resolve("history");
        assertTrue(Files.exists(history));
        String saved = Files.readString(history);
        assertTrue(saved.contains("slots") && saved.contains("help"), saved);
    }

    @Test
    void expectWithNotEqualsIsNotTakenForAHistoryReference() throws Exception {
        String screen = type(services(), "open https://www.lab.test/\nexpect status != 404\n");
        assertTrue(screen.contains("expect status != 404 held"), screen);
    }
}
