package navemu.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.nav.RequestOptions;
import navemu.api.result.Header;
import navemu.shell.fixtures.ShellHarness;

/** {@code open -X -H -d}: the request the navigator is asked for, and what is refused before anything is sent. */
@Timeout(30)
class OpenOptionsTest {

    private static RequestOptions sent(ShellHarness shell) {
        return shell.navigator.requests().get(shell.navigator.requests().size() - 1).http();
    }

    private static List<String> fields(RequestOptions options) {
        return options.headers().stream().map(Header::toString).toList();
    }

    @Test
    void aPlainOpenIsABrowserNavigation() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "open https://www.lab.test/"), shell.err());
        assertEquals(RequestOptions.NAVIGATION.method(), sent(shell).method());
        assertEquals(List.of(), sent(shell).headers());
        assertEquals(0, sent(shell).body().length);
    }

    @Test
    void dataMakesAFormPostAsCurlDoes() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "open -d a=1 -d 'b=two words' https://www.lab.test/echo"), shell.err());
        RequestOptions options = sent(shell);
        assertEquals("POST", options.method());
        assertEquals("a=1&b=two words", new String(options.body(), StandardCharsets.UTF_8), "several -d joined with &");
        assertEquals(List.of("Content-Type: application/x-www-form-urlencoded"), fields(options));
        assertEquals("https://www.lab.test/echo", shell.navigator.requests().get(0).url());
    }

    @Test
    void methodAndHeadersAreTakenAsGivenInAnyOrderAroundTheUrl() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "open https://www.lab.test/ -X PUT -H 'Content-Type: text/plain'"
                + " -H 'X-One:  1' -H 'Accept:' -d hello"), shell.err());
        RequestOptions options = sent(shell);
        assertEquals("PUT", options.method(), "-X wins over the POST that -d implies");
        assertEquals(List.of("Content-Type: text/plain", "X-One: 1", "Accept: "), fields(options),
                "the user's Content-Type is kept, no second one; 'Accept:' removes the default");
    }

    @Test
    void dataFromAFileLosesItsLineBreaksAsInCurl(@TempDir Path dir) throws Exception {
        Path form = dir.resolve("form.txt");
        Files.writeString(form, "a=1\r\n&b=2\n");
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "open -d @" + form + " https://www.lab.test/"), shell.err());
        assertEquals("a=1&b=2", new String(sent(shell).body(), StandardCharsets.UTF_8));
    }

    @Test
    void whatCouldInjectALineOrIsMalformedIsAUsageErrorAndNothingIsSent() throws Exception {
        for (String bad : List.of(
                "open -H \"X-A: b\\r\\nX-Injected: 1\" https://www.lab.test/",
                "open -H 'X A: b' https://www.lab.test/",
                "open -H 'no colon' https://www.lab.test/",
                "open -H 'Host: evil.test' https://www.lab.test/",
                "open -H 'Content-Length: 5' -d a https://www.lab.test/",
                "open -X 'GET /x' https://www.lab.test/",
                "open -X",
                "open -d @/no/such/file https://www.lab.test/",
                "open --bogus https://www.lab.test/",
                "open https://www.lab.test/ https://ecc256.lab.test/")) {
            ShellHarness shell = new ShellHarness();
            String line = bad.replace("\\r\\n", "\r\n");
            assertEquals(2, shell.main("-c", line), bad + ": " + shell.err());
            assertTrue(shell.navigator.requests().isEmpty(), bad + " sent nothing");
            assertTrue(shell.err().contains("usage: open [--compact|--full] [-X METHOD]"), shell.err());
        }
    }

    @Test
    void theLineBreakRefusalNamesTheField() throws Exception {
        ShellHarness shell = new ShellHarness();
        shell.main("-c", "open -H 'X-A: b\r\nX-Injected: 1' https://www.lab.test/");
        assertTrue(shell.err().contains("the value of X-A holds a control character (0x0d)"), shell.err());
    }
}
