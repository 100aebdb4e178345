package navemu.shell.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.ParsedLine;
import org.junit.jupiter.api.Test;

import navemu.api.Slot;
import navemu.shell.fixtures.ShellHarness;

class ShellCompleterTest {
    private final ShellHarness shell = new ShellHarness();
    private final ShellCompleter completer = new ShellCompleter(shell.session);

    private List<String> complete(String typed) {
        ParsedLine line = new DefaultParser().parse(typed, typed.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void theFirstWordCompletesToCommands() {
        List<String> names = complete("");
        assertTrue(names.containsAll(List.of("open", "slots", "use", "compare", "expect", "replay", "quit", "exit")), names.toString());
    }

    @Test
    void useCompletesSlotsThenTheImplementationsRegisteredNow() {
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "cert", "session"), complete("use "));
        assertEquals(List.of("jsse", "tls13-ecdhe"), complete("use tls "));
        shell.composition.register(Slot.TLS, "browser", new Object());
        assertEquals(List.of("browser", "jsse", "tls13-ecdhe"), complete("use tls "));
    }

    @Test
    void aCommandAfterASemicolonCompletesOnItsOwn() {
        assertEquals(List.of("jsse", "tls13-ecdhe"), complete("open https://www.lab.test/; use tls "));
    }

    @Test
    void compareOffersSlotEqualsImplAndVs() {
        List<String> offered = complete("compare https://www.lab.test/ ");
        assertTrue(offered.contains("vs") && offered.contains("tls=jsse") && offered.contains("hsts=off"), offered.toString());
        assertTrue(!complete("compare https://www.lab.test/ tls=jsse vs ").contains("vs"));
    }

    @Test
    void anUnknownCommandOffersNothing() {
        assertEquals(List.of(), complete("frob "));
    }
}
