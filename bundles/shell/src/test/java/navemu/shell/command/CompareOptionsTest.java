package navemu.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompareOptionsTest {

    private static CompareOptions parse(String... args) throws UsageException {
        return CompareOptions.parse(List.of(args));
    }

    @Test
    void withoutOptionsEachSideRunsThreeTimesKeepingNothing() throws Exception {
        CompareOptions options = parse("https://www.lab.test/", "tls=jsse");
        assertEquals(3, options.runs());
        assertEquals(CompareOptions.Keep.NOTHING, options.keep());
        assertEquals(List.of("https://www.lab.test/", "tls=jsse"), options.words());
    }

    @Test
    void optionsAreTakenOutWhereverTheyAre() throws Exception {
        CompareOptions options = parse("-n", "5", "https://www.lab.test/", "--warm", "vs", "tls=jsse");
        assertEquals(5, options.runs());
        assertEquals(CompareOptions.Keep.SIDE, options.keep());
        assertEquals(List.of("https://www.lab.test/", "vs", "tls=jsse"), options.words());
        assertEquals(CompareOptions.Keep.SHARED, parse("https://www.lab.test/", "tls=jsse", "--shared").keep());
        assertEquals(1, parse("https://www.lab.test/", "-n", "1", "tls=jsse").runs());
        assertEquals(50, parse("-n", "50", "https://www.lab.test/").runs());
    }

    @Test
    void aBadRunCountOrOptionIsAUsageErrorThatSaysWhatIsRight() {
        assertTrue(assertThrows(UsageException.class, () -> parse("-n", "0", "u")).getMessage().contains("1 to 50"));
        assertTrue(assertThrows(UsageException.class, () -> parse("-n", "51", "u")).getMessage().contains("1 to 50"));
        assertTrue(assertThrows(UsageException.class, () -> parse("-n", "abc", "u")).getMessage().contains("'abc'"));
        assertTrue(assertThrows(UsageException.class, () -> parse("u", "-n")).getMessage().contains("-n 5"));
        assertThrows(UsageException.class, () -> parse("-n", "2", "-n", "3", "u"));
        assertTrue(assertThrows(UsageException.class, () -> parse("--warm", "--shared", "u")).getMessage()
                .contains("exclude each other"));
        assertTrue(assertThrows(UsageException.class, () -> parse("--fast", "u")).getMessage().contains("-n N, --warm, --shared"));
    }

    @Test
    void theHowMeasuredLineSaysRunsWarmUpAndWhatIsKept() throws Exception {
        assertEquals("median of 5 alternating runs per side after a discarded warm-up; each run its own empty DNS"
                + " cache and session store (a first visit)", parse("-n", "5", "u").howMeasured());
        assertEquals("median of 3 alternating runs per side after a discarded warm-up; each side its own DNS cache"
                + " and session store, kept across its runs (a repeat visit, --warm)", parse("--warm", "u").howMeasured());
        assertEquals("one run per side after a discarded warm-up; both sides share the shell's DNS cache and"
                + " session store (--shared)", parse("-n", "1", "--shared", "u").howMeasured());
    }
}
