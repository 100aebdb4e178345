package navemu.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.Slot;
import navemu.api.lab.LabSite;
import navemu.shell.fixtures.ShellHarness;

@Timeout(30)
class CommandsTest {

    @Test
    void slotsListsEverySlotWithTheActiveImplementationMarked() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "slots"));
        String out = shell.out();
        for (Slot slot : Slot.values()) {
            assertTrue(out.contains(slot.key()), out);
        }
        assertTrue(out.contains("tls     jsse  *tls13-ecdhe"), out);
        assertTrue(out.contains("hsts    *memory  off"), out);
    }

    @Test
    void slotsShowsTheProblemOfASlotWhoseImplementationWentAway() throws Exception {
        ShellHarness shell = new ShellHarness();
        shell.composition.unregister(Slot.DNS, "dnsjava");
        shell.main("-c", "slots");
        assertTrue(shell.out().contains("*dnsjava (not registered)"), shell.out());
        assertTrue(shell.out().contains("! the active dns implementation 'dnsjava' is not registered"), shell.out());
    }

    @Test
    void useSwapsTheActiveImplementation() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "use tls jsse"));
        assertEquals("jsse", shell.composition.active().get(Slot.TLS));
        assertTrue(shell.out().contains("tls: jsse (was tls13-ecdhe)"), shell.out());
    }

    @Test
    void useAloneShowsEachSlotAndItsActiveImplementation() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "use tls jsse; use"), shell.err());
        String out = shell.out();
        for (String row : List.of("hsts     memory", "dns      dnsjava", "tcp      socket", "tls      jsse",
                "cert     pkix", "session  off")) {
            assertTrue(out.contains(row), row + " in: " + out);
        }
    }

    @Test
    void netSaysItsSettingsApplyOnlyWhenTcpIsEmulated() throws Exception {
        ShellHarness shell = new ShellHarness();
        shell.composition.register(Slot.TCP, "emulated", new Object());
        assertEquals(Optional.of("note: tcp is 'socket': these settings apply only to connections made with"
                + " 'use tcp emulated' (or compare URL tcp=emulated)"), NetCommand.inactiveNote(shell.session));
        assertEquals(0, shell.main("-c", "use tcp emulated"), shell.err());
        assertEquals(Optional.empty(), NetCommand.inactiveNote(shell.session));
    }

    @Test
    void aUsageErrorShowsTheCommandsUsageOnce() throws Exception {
        for (String[] call : new String[][] {{"dns", "dns HOST | cache | flush"}, {"sessions a b", "sessions [clear]"},
                {"net a b c", "net [rtt MS"}}) {
            ShellHarness shell = new ShellHarness();
            assertEquals(2, shell.main("-c", call[0]), call[0]);
            String err = shell.err();
            assertEquals(1, err.split("usage:", -1).length - 1, "one usage in: " + err);
            assertTrue(err.contains("(usage: " + call[1]), err);
        }
    }

    @Test
    void useWithAWrongNumberOfArgumentsShowsTheUsage() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(2, shell.main("-c", "use tls"));
        assertTrue(shell.err().contains("use tls: use takes a slot and an implementation (usage: use [SLOT IMPL])"), shell.err());
    }

    @Test
    void compareRunsBothSidesWithTheirOverrides() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "compare https://www.lab.test/ tls=tls13-ecdhe vs tls=jsse"));
        assertEquals(Map.of(Slot.TLS, "tls13-ecdhe"), shell.navigator.requests().get(0).overrides());
        assertEquals(Map.of(Slot.TLS, "jsse"), shell.navigator.requests().get(1).overrides());
        assertTrue(shell.out().contains("changed: tls.cipherSuite TLS_AES_128_GCM_SHA256 → TLS_AES_256_GCM_SHA384"), shell.out());
    }

    @Test
    void compareWithOneSideFacesTheCurrentComposition() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "compare https://www.lab.test/ tls=jsse"));
        assertEquals(Map.of(), shell.navigator.requests().get(0).overrides());
        assertEquals(Map.of(Slot.TLS, "jsse"), shell.navigator.requests().get(1).overrides());
        assertTrue(shell.out().contains("current composition"), shell.out());
    }

    @Test
    void compareUnderJsonPrintsBothResults() throws Exception {
        ShellHarness shell = new ShellHarness(true);
        assertEquals(0, shell.main("-c", "compare https://www.lab.test/ vs tls=jsse"));
        String[] lines = shell.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].contains("\"tls\":\"tls13-ecdhe\"") && lines[1].contains("\"tls\":\"jsse\""), shell.out());
    }

    @Test
    void compareRefusesAnUnknownImplementationBeforeRunningAnything() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "compare https://www.lab.test/ tls=nosuch"));
        assertTrue(shell.err().contains("no tls implementation called 'nosuch'"), shell.err());
        assertTrue(shell.navigator.requests().isEmpty());
    }

    @Test
    void compareSidesAreReadAsDesignMdDefinesThem() throws Exception {
        assertEquals(new CompareCommand.Sides(Map.of(Slot.HSTS, "memory"), Map.of(Slot.HSTS, "off")),
                CompareCommand.sides(List.of("hsts=memory", "vs", "hsts=off")));
        assertEquals(new CompareCommand.Sides(Map.of(), Map.of(Slot.TLS, "jsse", Slot.CERT, "jdk")),
                CompareCommand.sides(List.of("tls=jsse", "cert=jdk")));
        assertEquals(new CompareCommand.Sides(Map.of(), Map.of(Slot.HSTS, "off")),
                CompareCommand.sides(List.of("vs", "hsts=off")));
        assertThrows(UsageException.class, () -> CompareCommand.sides(List.of()));
        assertThrows(UsageException.class, () -> CompareCommand.sides(List.of("tls=jsse", "vs")));
        assertThrows(UsageException.class, () -> CompareCommand.sides(List.of("tls", "vs", "tls=jsse")));
        assertThrows(UsageException.class, () -> CompareCommand.sides(List.of("tlx=jsse")));
        assertThrows(UsageException.class, () -> CompareCommand.sides(List.of("tls=a", "tls=b")));
        assertThrows(UsageException.class, () -> CompareCommand.sides(List.of("vs", "tls=a", "vs", "tls=b")));
    }

    @Test
    void compareRunsAWarmUpThenAlternatesTheSidesEachRunInItsOwnScope() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "compare -n 2 https://www.lab.test/ vs tls=jsse"));

        List<navemu.api.nav.NavigationRequest> requests = shell.navigator.requests();
        assertEquals(6, requests.size(), "a warm-up and 2 runs per side");
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(i % 2 == 0 ? Map.of() : Map.of(Slot.TLS, "jsse"), requests.get(i).overrides(), "left, right, left…");
            assertEquals(i % 2 == 0 ? "left" : "right", requests.get(i).scope().name());
        }
        assertEquals(6, requests.stream().map(r -> r.scope()).distinct().count(),
                "no run shares a DNS cache or session store with another, the warm-up's included");
        assertEquals(4, shell.session.results().size(), "the warm-ups are discarded");
        assertTrue(shell.out().contains("median of 2 alternating runs per side after a discarded warm-up; each run its"
                + " own empty DNS cache and session store (a first visit)"), shell.out());
        assertTrue(shell.out().contains("time median"), shell.out());
    }

    @Test
    void compareWarmKeepsOneScopePerSideAndSharedUsesTheShellsStores() throws Exception {
        ShellHarness warm = new ShellHarness();
        assertEquals(0, warm.main("-c", "compare --warm https://www.lab.test/ vs tls=jsse"));
        List<navemu.api.nav.NavigationRequest> requests = warm.navigator.requests();
        assertEquals(8, requests.size(), "a warm-up and 3 runs per side by default");
        assertEquals(2, requests.stream().map(r -> r.scope()).distinct().count(), "one scope per side");
        assertTrue(requests.get(0).scope() != requests.get(1).scope());

        ShellHarness shared = new ShellHarness();
        assertEquals(0, shared.main("-c", "compare --shared -n 1 https://www.lab.test/ vs tls=jsse"));
        assertTrue(shared.navigator.requests().stream().allMatch(r -> r.scope() == null), "the shell's own stores");
        assertTrue(shared.out().contains("both sides share the shell's DNS cache and session store (--shared)"), shared.out());
    }

    @Test
    void compareUnderJsonSaysHowItMeasuredOnStderr() throws Exception {
        ShellHarness shell = new ShellHarness(true);
        assertEquals(0, shell.main("-c", "compare -n 1 https://www.lab.test/ vs tls=jsse"));
        assertEquals(2, shell.out().strip().split("\n").length, shell.out());
        assertTrue(shell.err().contains("one run per side after a discarded warm-up"), shell.err());
    }

    @Test
    void compareRefusesABadRunCountBeforeRunningAnything() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(2, shell.main("-c", "compare -n 0 https://www.lab.test/ tls=jsse"));
        assertTrue(shell.err().contains("-n takes 1 to 50 runs per side, not 0"), shell.err());
        assertTrue(shell.navigator.requests().isEmpty());
    }

    @Test
    void expectAfterCompareChecksTheRightSide() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "compare https://www.lab.test/ tls=jsse; expect steps.tls.impl == jsse"));
    }

    @Test
    void helpListsEveryCommandWithOneLine() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "help"));
        for (Command command : shell.session.registry().all()) {
            List<String> lines = shell.out().lines().toList();
            boolean listed = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("  " + command.usage())) {
                    // The summary follows on the same line, or on the next when the usage is long.
                    listed |= lines.get(i).endsWith("  " + command.summary())
                            || (i + 1 < lines.size() && lines.get(i + 1).endsWith("  " + command.summary()));
                }
            }
            assertTrue(listed, command.name() + " in " + shell.out());
        }
    }

    @Test
    void labListsTheSitesOrSaysTheLabIsNotRunning() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "lab"));
        assertTrue(shell.err().contains("the lab is not running"), shell.err());
        shell.services.labSites = () -> List.of(new LabSite("expired.lab.test", "https://expired.lab.test/",
                "an expired leaf", "ERR_CERT_DATE_INVALID", "bouncycastle", 40443));
        assertEquals(0, new ShellHarness().main("-c", "help lab"));
        shell.main("-c", "lab");
        assertTrue(shell.out().contains("https://expired.lab.test/") && shell.out().contains("ERR_CERT_DATE_INVALID")
                && shell.out().contains("an expired leaf"), shell.out());
    }

    @Test
    void labSaysWhichHttpVersionsEachSiteSpeaks() throws Exception {
        ShellHarness shell = new ShellHarness();
        shell.services.labSites = () -> List.of(
                new LabSite("h2.lab.test", "https://h2.lab.test/", "HTTP/2", null, "boringssl", 1, List.of("h2", "http/1.1")),
                new LabSite("h1.lab.test", "https://h1.lab.test/", "HTTP/1.1 only", null, "boringssl", 2, List.of("http/1.1")));
        shell.main("-c", "lab");
        String[] lines = shell.out().split("\n");
        assertTrue(lines[0].contains("h2.lab.test") && lines[0].contains(" h2,http/1.1 "), shell.out());
        assertTrue(lines[1].contains("h1.lab.test") && lines[1].contains(" http/1.1 ") && !lines[1].contains("h2,"), shell.out());
    }

    @Test
    void bundleCommandsSayPlainlyWhenThereIsNoFramework() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(1, shell.main("-c", "bundles"));
        assertTrue(shell.err().contains("not running inside an OSGi framework"), shell.err());
    }

    @Test
    void openCompletesTheLabsUrls() {
        ShellHarness shell = new ShellHarness();
        Command open = shell.session.registry().find("open").orElseThrow();
        assertEquals(List.of(), open.complete(0, List.of(), shell.session), "no lab, nothing to offer");
        shell.services.labSites = () -> List.of(new LabSite("www.lab.test", "https://www.lab.test/", "front page", null,
                "bouncycastle", 1));
        assertEquals(List.of("https://www.lab.test/"), open.complete(0, List.of(), shell.session));
    }

    @Test
    void completionOffersSlotsThenTheImplementationsRegisteredNow() {
        ShellHarness shell = new ShellHarness();
        Command use = shell.session.registry().find("use").orElseThrow();
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "cert", "session"), use.complete(0, List.of(), shell.session));
        assertEquals(List.of("jsse", "tls13-ecdhe"), use.complete(1, List.of("tls"), shell.session));
        shell.composition.register(Slot.TLS, "tls12-rsa", new Object());
        assertEquals(List.of("jsse", "tls12-rsa", "tls13-ecdhe"), use.complete(1, List.of("tls"), shell.session));
    }
}
