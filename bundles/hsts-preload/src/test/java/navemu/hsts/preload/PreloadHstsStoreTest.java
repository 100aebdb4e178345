package navemu.hsts.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsUpdate;

/** The preload list under dynamic entries. */
class PreloadHstsStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");

    private PreloadHstsStore store;

    @BeforeEach
    void loadTheShippedList() throws Exception {
        store = new PreloadHstsStore(PreloadList.read(PreloadListTest.shippedList()));
    }

    private HstsUpdate learn(String host, String header) {
        return store.observe(new HstsObservation(host, List.of(header), true, true), T0);
    }

    @Test
    void aPreloadedHostIsUpgradedOnTheVeryFirstVisit() {
        HstsPolicy policy = store.lookup("preload.lab.test", T0).orElseThrow();
        assertEquals("preload", policy.source());
        assertEquals("preload.lab.test", store.lookup("deep.sub.PRELOAD.lab.test.", T0).orElseThrow().host());
    }

    @Test
    void aHostNotOnTheListIsNotUpgradedUntilItSendsAHeader() {
        assertTrue(store.lookup("hsts.lab.test", T0).isEmpty());
        learn("hsts.lab.test", "max-age=31536000; includeSubDomains");
        assertEquals("dynamic", store.lookup("hsts.lab.test", T0).orElseThrow().source());
    }

    @Test
    void aDynamicEntryOverridesThePreloadEntry() {
        learn("preload.lab.test", "max-age=100");
        HstsPolicy policy = store.lookup("preload.lab.test", T0).orElseThrow();
        assertEquals("dynamic", policy.source());
        assertFalse(policy.includeSubDomains());
        assertEquals(T0.plusSeconds(100), policy.expires());
        // The dynamic entry does not cover subdomains; the preload entry still does.
        assertEquals("preload", store.lookup("www.preload.lab.test", T0).orElseThrow().source());
        // When the dynamic entry lapses, the preload entry is back in front.
        assertEquals("preload", store.lookup("preload.lab.test", T0.plusSeconds(100)).orElseThrow().source());
    }

    @Test
    void maxAgeZeroRemovesTheDynamicEntryButNotThePreloadOneAndSaysSo() {
        learn("preload.lab.test", "max-age=100");
        HstsUpdate update = learn("preload.lab.test", "max-age=0");
        assertTrue(update.changed());
        assertEquals("removed preload.lab.test: max-age=0; the preload entry for preload.lab.test still applies"
                + " (max-age=0 cannot remove a preloaded host)", update.note());
        assertEquals("preload", store.lookup("preload.lab.test", T0).orElseThrow().source());
    }

    @Test
    void maxAgeZeroForAPreloadedHostWithoutDynamicEntrySaysThePreloadEntryStays() {
        HstsUpdate update = learn("www.preload.lab.test", "max-age=0");
        assertFalse(update.changed());
        assertTrue(update.note().endsWith("; the preload entry for preload.lab.test still applies"
                + " (max-age=0 cannot remove a preloaded host)"), update.note());
    }

    @Test
    void deleteCannotRemoveAPreloadEntryAndSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.delete("preload.lab.test"));
        assertTrue(e.getMessage().startsWith("preload.lab.test is on the HSTS preload list ("), e.getMessage());
        assertTrue(e.getMessage().contains("which delete cannot change"), e.getMessage());
        assertTrue(store.lookup("preload.lab.test", T0).isPresent());
    }

    @Test
    void deleteRemovesADynamicEntryForAPreloadedHostAndThePreloadEntryRemains() {
        store.add("preload.lab.test", Duration.ofDays(1), false, T0);
        assertTrue(store.delete("preload.lab.test"));
        assertEquals("preload", store.lookup("preload.lab.test", T0).orElseThrow().source());
    }

    @Test
    void deleteOfAnUnknownHostIsFalse() {
        assertFalse(store.delete("unknown.lab.test"));
    }

    @Test
    void clearKeepsThePreloadList() {
        learn("hsts.lab.test", "max-age=100");
        store.clear();
        assertTrue(store.lookup("hsts.lab.test", T0).isEmpty());
        assertTrue(store.lookup("preload.lab.test", T0).isPresent());
    }

    @Test
    void listShowsDynamicAndPreloadEntries() {
        learn("preload.lab.test", "max-age=100");
        List<HstsPolicy> all = store.list(T0);
        List<String> preloadLab = all.stream().filter(p -> p.host().equals("preload.lab.test"))
                .map(HstsPolicy::source).toList();
        assertEquals(List.of("dynamic", "preload"), preloadLab);
        assertTrue(all.stream().anyMatch(p -> p.host().equals("github.com")));
    }

    @Test
    void ipLiteralsAreNeverUpgraded() {
        assertTrue(store.lookup("127.0.0.1", T0).isEmpty());
        assertTrue(store.lookup("[::1]", T0).isEmpty());
    }

    @Test
    void anUnusableListFailsTheLookupsThatNeedItButNotTheDynamicEntries() {
        PreloadHstsStore broken = new PreloadHstsStore(() -> {
            throw new IllegalStateException("HSTS preload list x.json: entry 2 (b.test): no \"policy\"");
        });
        broken.add("dynamic.test", Duration.ofDays(1), false, T0);
        assertTrue(broken.lookup("dynamic.test", T0).isPresent(), "a dynamic entry answers without the list");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.lookup("other.test", T0));
        assertTrue(e.getMessage().contains("entry 2 (b.test)"), e.getMessage());
        HstsUpdate update = broken.observe(new HstsObservation("dynamic.test", List.of("max-age=0"), true, true), T0);
        assertTrue(update.changed(), update.note());
    }
}
