package navemu.shell.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.Slot;
import navemu.shell.PendingStart;
import navemu.shell.fixtures.FakeServices;

/**
 * The shell taking over the prompt the launcher drew before the framework: the line the launcher
 * read runs first, the rest are read from the launcher's reader, which gets the shell's completion;
 * the banner is the launcher's, not said twice. (The launcher's side: EarlyPromptTest and
 * EarlyPromptIT in the runtime.)
 */
@Timeout(30)
class LauncherPromptTest {
    @TempDir
    Path home;

    private int status;

    private String takeOver(FakeServices services, String firstLine, String typedAfter, LineReader[] readerUsed) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(typedAfter.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            readerUsed[0] = reader;
            LauncherPrompt prompt = new LauncherPrompt(reader, CompletableFuture.completedFuture(firstLine));
            status = new InteractiveShell(services, PendingStart.NONE, prompt, false, new PrintStream(new ByteArrayOutputStream())).run();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    private FakeServices services() {
        return FakeServices.labAt(home);
    }

    @Test
    void theLaunchersFirstLineRunsFirstThenTheShellReadsOnFromTheSameReader() throws Exception {
        FakeServices services = services();
        LineReader[] reader = new LineReader[1];
        String screen = takeOver(services, "use tls jsse", "open https://www.lab.test/\nquit\nslots\n", reader);
        assertEquals("jsse", services.composition.active().get(Slot.TLS), "the first line ran");
        assertTrue(screen.indexOf("tls: jsse (was tls13-ecdhe)") < screen.indexOf("https://www.lab.test/  →  200 OK"), screen);
        assertFalse(screen.contains("*tls13-ecdhe"), "nothing ran after quit: " + screen);
        assertFalse(screen.contains(InteractiveShell.BANNER), "the launcher said the banner already: " + screen);
        assertInstanceOf(ShellCompleter.class, ((LineReaderImpl) reader[0]).getCompleter(), "TAB completes the shell's commands");
        assertEquals(0, status);
    }

    @Test
    void noFirstLineMeansTheInputEndedAndTheShellLeavesWithoutReading() throws Exception {
        FakeServices services = services();
        String screen = takeOver(services, null, "use tls jsse\n", new LineReader[1]);
        assertEquals("tls13-ecdhe", services.composition.active().get(Slot.TLS), "nothing was read after the end: " + screen);
        assertEquals(0, status);
    }

    @Test
    void withoutALauncherNothingIsFound() {
        assertNull(LauncherPrompt.find(null));
    }
}
