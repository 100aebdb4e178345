package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt the launcher draws before the framework: the banner written before
 * {@link EarlyPrompt#drawOn} returns and the prompt just after, the first line typed handed over,
 * end of input and closing ending the wait. On a terminal of the test's own; Ctrl-C, which needs a
 * real terminal's signal, is in {@code EarlyPromptIT}.
 */
@Timeout(30)
class EarlyPromptTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private PipedOutputStream keyboard;
    private Terminal terminal;

    @BeforeEach
    void terminal() throws IOException {
        keyboard = new PipedOutputStream();
        terminal = new ExternalTerminal("test", "xterm", new PipedInputStream(keyboard), screen, StandardCharsets.UTF_8);
    }

    @AfterEach
    void closeTerminal() throws IOException {
        terminal.close();
    }

    private void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** The prompt is drawn by the reading thread just after {@code drawOn} returns: wait for it, bounded. */
    private void awaitPromptOnScreen() throws InterruptedException {
        awaitOnScreen(EarlyPrompt.PROMPT);
    }

    private void awaitOnScreen(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!screen().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(screen().contains(text), "never on the screen: " + text + "\n" + screen());
    }

    @Test
    void theBannerAndThePromptAreOnTheScreenWhenDrawReturnsAndTheFirstLineIsHandedOver() throws Exception {
        EarlyPrompt prompt = EarlyPrompt.drawOn(terminal, home.resolve("history"));
        assertTrue(screen().contains(EarlyPrompt.BANNER), "the banner is written before drawOn returns: " + screen());
        awaitPromptOnScreen();
        assertTrue(screen().indexOf(EarlyPrompt.BANNER) < screen().indexOf(EarlyPrompt.PROMPT), screen());
        assertTrue(!prompt.firstLine().isDone(), "nothing typed yet");

        type("open https://www.lab.test/\n");
        assertEquals("open https://www.lab.test/", prompt.firstLine().get(10, TimeUnit.SECONDS));
        assertEquals("open https://www.lab.test/", prompt.reader().getHistory().get(0), "in the history, for Up");
        prompt.close();
    }

    @Test
    void endOfInputGivesNoFirstLine() throws Exception {
        EarlyPrompt prompt = EarlyPrompt.drawOn(terminal, home.resolve("history"));
        keyboard.close();
        assertNull(prompt.firstLine().get(10, TimeUnit.SECONDS));
        prompt.close();
    }

    @Test
    void closingEndsTheWaitForAFirstLine() throws Exception {
        EarlyPrompt prompt = EarlyPrompt.drawOn(terminal, home.resolve("history"));
        prompt.close();
        assertNull(prompt.firstLine().get(10, TimeUnit.SECONDS));
        prompt.close(); // twice is harmless: the launcher closes it on every way out
    }

    @Test
    void exclamationMarksAreTakenAsTypedNotAsHistoryReferences() throws Exception {
        EarlyPrompt prompt = EarlyPrompt.drawOn(terminal, home.resolve("history"));
        type("expect status != 404\n");
        assertEquals("expect status != 404", prompt.firstLine().get(10, TimeUnit.SECONDS));
        prompt.close();
    }
}
