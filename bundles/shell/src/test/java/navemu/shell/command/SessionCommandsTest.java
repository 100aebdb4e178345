package navemu.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import navemu.api.Slot;
import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsStore;
import navemu.api.hsts.HstsUpdate;
import navemu.shell.fixtures.FakeComposition;
import navemu.shell.fixtures.FakeNavigator;
import navemu.shell.fixtures.ShellHarness;

@Timeout(30)
class SessionCommandsTest {
    @TempDir
    Path dir;

    /** The simplest store that keeps what it is given: enough to test the shell's side. */
    static class MapStore implements HstsStore {
        final Map<String, HstsPolicy> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<HstsPolicy> lookup(String host, Instant now) {
            HstsPolicy own = entries.get(host);
            if (own != null) {
                return Optional.of(own);
            }
            return entries.values().stream().filter(p -> p.includeSubDomains() && host.endsWith("." + p.host())).findFirst();
        }

        @Override
        public HstsUpdate observe(HstsObservation observation, Instant now) {
            return new HstsUpdate(false, "ignored in this test");
        }

        @Override
        public List<HstsPolicy> list(Instant now) {
            return new ArrayList<>(entries.values());
        }

        @Override
        public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
            entries.put(host, new HstsPolicy(host, includeSubDomains, now, now.plus(maxAge), "manual"));
        }

        @Override
        public boolean delete(String host) {
            return entries.remove(host) != null;
        }

        @Override
        public void clear() {
            entries.clear();
        }
    }

    private ShellHarness withStore(MapStore store) {
        FakeComposition composition = FakeComposition.standard();
        composition.register(Slot.HSTS, "memory", store);
        return new ShellHarness(FakeNavigator.lab(), composition, false);
    }

    @Test
    void hstsAddQueryListDeleteAndClearWorkOnTheActiveStore() throws Exception {
        MapStore store = new MapStore();
        ShellHarness shell = withStore(store);
        assertEquals(0, shell.main("-c", "hsts add lab.test 600 subdomains; hsts query www.lab.test; hsts list"));
        HstsPolicy policy = store.entries.get("lab.test");
        assertTrue(policy.includeSubDomains());
        assertEquals(Duration.ofSeconds(600), Duration.between(policy.observed(), policy.expires()));
        assertTrue(shell.out().contains("added lab.test max-age=600; includeSubDomains to hsts memory"), shell.out());
        assertTrue(shell.out().contains("www.lab.test: HTTPS only, by the includeSubDomains entry of lab.test"), shell.out());
        assertEquals(0, shell.main("-c", "hsts delete lab.test; hsts query www.lab.test"));
        assertTrue(shell.out().contains("no HSTS policy applies to www.lab.test"), shell.out());
        shell.main("-c", "hsts add a.test; hsts add b.test; hsts clear");
        assertTrue(store.entries.isEmpty());
    }

    @Test
    void hstsAddTakesAYearByDefault() throws Exception {
        MapStore store = new MapStore();
        withStore(store).main("-c", "hsts add www.lab.test");
        HstsPolicy policy = store.entries.get("www.lab.test");
        assertEquals(Duration.ofSeconds(31_536_000), Duration.between(policy.observed(), policy.expires()));
        assertTrue(!policy.includeSubDomains());
    }

    @Test
    void hstsSaysPlainlyWhenTheActiveImplementationHasNoStore() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "use hsts off"));
        assertEquals(1, shell.main("-c", "hsts list"));
        assertTrue(shell.err().contains("the active hsts implementation 'off' keeps no HSTS store"), shell.err());
    }

    @Test
    void aStoreThatRefusesSaysWhyInItsOwnWords() throws Exception {
        MapStore refusing = new MapStore() {
            @Override
            public void add(String host, Duration maxAge, boolean includeSubDomains, Instant now) {
                throw new IllegalStateException("HSTS is off: nothing can be added");
            }
        };
        ShellHarness shell = withStore(refusing);
        assertEquals(1, shell.main("-c", "hsts add x.test"));
        assertTrue(shell.err().contains("-c:1: hsts add x.test: HSTS is off: nothing can be added"), shell.err());
        assertTrue(!shell.err().contains("unexpectedly"), shell.err());
    }

    @Test
    void hstsWithBadArgumentsShowsItsUsage() throws Exception {
        ShellHarness shell = withStore(new MapStore());
        assertEquals(2, shell.main("-c", "hsts add x.test forever"));
        assertTrue(shell.err().contains("'forever' is neither a max-age in seconds nor 'subdomains'"), shell.err());
        assertEquals(2, shell.main("-c", "hsts frob"));
        assertEquals(2, shell.main("-c", "hsts query"));
    }

    @Test
    void exportJsonWritesEveryResultOfTheSessionOneALine() throws Exception {
        ShellHarness shell = new ShellHarness();
        Path file = dir.resolve("out/results.jsonl");
        assertEquals(0, shell.main("-c", "open https://www.lab.test/; open https://www.lab.test/missing; export json " + file));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals(404, JsonParser.parseString(lines.get(1)).getAsJsonObject().get("status").getAsInt());
        assertEquals(2, shell.main("-c", "export pdf x.pdf"));
        assertTrue(shell.err().contains("unknown export format 'pdf'; json, har, html or pcap"), shell.err());
    }

    @Test
    void exportPcapWithoutTheNavigatorsCaptureSaysSoAndWritesNothing() throws Exception {
        ShellHarness shell = new ShellHarness();
        Path file = dir.resolve("none.pcapng");
        assertEquals(1, shell.main("-c", "open https://www.lab.test/; export pcap " + file));
        assertTrue(shell.err().contains("no capture of the last navigation is kept"), shell.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void keylogPassesAnNssKeyLogFileToLaterNavigations() throws Exception {
        ShellHarness shell = new ShellHarness();
        Path file = dir.resolve("keys.log");
        assertEquals(0, shell.main("-c", "keylog " + file + "; open https://www.lab.test/"));
        shell.navigator.requests().get(0).keyLog().write("CLIENT_TRAFFIC_SECRET_0", new byte[] {1, 2}, new byte[] {(byte) 0xab});
        assertEquals(List.of("CLIENT_TRAFFIC_SECRET_0 0102 ab"), Files.readAllLines(file));
        assertEquals(0, shell.main("-c", "keylog off; open https://www.lab.test/"));
        shell.navigator.requests().get(1).keyLog().write("X", new byte[] {1}, new byte[] {2});
        assertEquals(1, Files.readAllLines(file).size(), "nothing is written after keylog off");
    }

    @Test
    void keylogCreatesItsFileReadableByItsOwnerOnly() throws Exception {
        ShellHarness shell = new ShellHarness();
        Path file = dir.resolve("new/keys.log");
        assertEquals(0, shell.main("-c", "keylog " + file), shell.err());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file),
                "TLS secrets are the user's alone, whatever the umask lets others read");
    }

    @Test
    void keylogKeepsThePermissionsOfAFileThatExists() throws Exception {
        ShellHarness shell = new ShellHarness();
        Path file = Files.createFile(dir.resolve("chosen.log"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, shell.main("-c", "keylog " + file), shell.err());
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(file));
    }

    @Test
    void viewsWithoutANavigationSaySo() throws Exception {
        for (String view : new String[] {"trace", "cert", "ladder", "timeline"}) {
            ShellHarness shell = new ShellHarness();
            assertEquals(1, shell.main("-c", view), view);
            assertTrue(shell.err().contains("no navigation yet: run 'open URL' first"), shell.err());
        }
    }

    @Test
    void viewsDrawTheLastNavigation() throws Exception {
        ShellHarness shell = new ShellHarness();
        assertEquals(0, shell.main("-c", "open https://www.lab.test/; trace; ladder; timeline; cert"));
        String out = shell.out();
        assertTrue(out.contains("C>S") || out.contains("start"), out);
        assertTrue(out.contains("ClientHello (250 B)"), out);
        assertTrue(out.contains("█"), out);
        assertTrue(out.contains("verdict  ✓ valid for this host"), out);
    }
}
