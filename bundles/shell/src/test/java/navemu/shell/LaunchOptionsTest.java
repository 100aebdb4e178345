package navemu.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.shell.command.UsageException;

class LaunchOptionsTest {

    @Test
    void noArgumentsMeanTheInteractiveShell() throws UsageException {
        LaunchOptions options = LaunchOptions.parse(new String[0]);
        assertTrue(options.interactive());
        assertFalse(options.json());
    }

    @Test
    void commandsAndScriptsKeepTheirOrder() throws UsageException {
        LaunchOptions options = LaunchOptions.parse(new String[] {"-c", "open x", "--json", "--script", "a.nav", "-c", "slots"});
        assertEquals(List.of(new LaunchOptions.Source(false, "open x"), new LaunchOptions.Source(true, "a.nav"),
                new LaunchOptions.Source(false, "slots")), options.sources());
        assertTrue(options.json());
        assertFalse(options.interactive());
    }

    @Test
    void usageMistakesSayWhatIsWrong() {
        assertEquals("-c needs a value", assertThrows(UsageException.class, () -> LaunchOptions.parse(new String[] {"-c"})).getMessage());
        assertEquals("unknown option '--jsn'",
                assertThrows(UsageException.class, () -> LaunchOptions.parse(new String[] {"--jsn"})).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> LaunchOptions.parse(new String[] {"open"})).getMessage()
                .contains("unexpected argument 'open'"));
        assertTrue(assertThrows(UsageException.class, () -> LaunchOptions.parse(new String[] {"--junit", "r.xml"})).getMessage()
                .contains("there are none"));
    }

    @Test
    void helpIsNotTheInteractiveShell() throws UsageException {
        assertTrue(LaunchOptions.parse(new String[] {"--help"}).help());
        assertFalse(LaunchOptions.parse(new String[] {"-h"}).interactive());
    }
}
