package navemu.hsts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsPolicy;
import navemu.api.hsts.HstsUpdate;

/** The rules of RFC 6797 §8.1 (taking headers) and §8.2 (matching hosts), on the in-memory store. */
class DynamicHstsStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final DynamicHstsStore store = new DynamicHstsStore();

    private static HstsObservation secure(String host, String... headers) {
        return new HstsObservation(host, List.of(headers), true, true);
    }

    private HstsUpdate learn(String host, String... headers) {
        return store.observe(secure(host, headers), T0);
    }

    // §8.1: which responses may set a policy

    @Test
    void aValidHeaderOverAnErrorFreeSecureConnectionIsStored() {
        HstsUpdate update = learn("hsts.lab.test", "max-age=31536000; includeSubDomains");
        assertTrue(update.changed());
        assertEquals("stored max-age=31536000; includeSubDomains", update.note());
        HstsPolicy policy = store.lookup("hsts.lab.test", T0).orElseThrow();
        assertEquals("hsts.lab.test", policy.host());
        assertTrue(policy.includeSubDomains());
        assertEquals(T0, policy.observed());
        assertEquals(T0.plusSeconds(31_536_000), policy.expires());
        assertEquals("dynamic", policy.source());
    }

    @Test
    void onlyTheFirstOfSeveralHeadersCounts() {
        HstsUpdate update = learn("a.test", "max-age=100", "max-age=200; includeSubDomains");
        assertTrue(update.note().contains("first of 2 headers"), update.note());
        HstsPolicy policy = store.lookup("a.test", T0).orElseThrow();
        assertFalse(policy.includeSubDomains());
        assertEquals(T0.plusSeconds(100), policy.expires());
    }

    @Test
    void anInvalidFirstHeaderIsNotRescuedByAValidSecondOne() {
        HstsUpdate update = learn("a.test", "max-age=oops", "max-age=200");
        assertFalse(update.changed());
        assertTrue(update.note().startsWith("ignored: invalid header: max-age value 'oops'"), update.note());
        assertTrue(store.lookup("a.test", T0).isEmpty());
    }

    @Test
    void aHeaderReceivedOverHttpIsIgnored() {
        HstsUpdate update = store.observe(new HstsObservation("hsts.lab.test",
                List.of("max-age=31536000"), false, true), T0);
        assertFalse(update.changed());
        assertTrue(update.note().contains("received over http://"), update.note());
        assertTrue(store.list(T0).isEmpty());
    }

    @Test
    void aHeaderReceivedDespiteACertificateErrorIsIgnored() {
        HstsUpdate update = store.observe(new HstsObservation("hsts.lab.test",
                List.of("max-age=31536000"), true, false), T0);
        assertFalse(update.changed());
        assertTrue(update.note().contains("certificate error"), update.note());
        assertTrue(store.list(T0).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "::1", "192.168.0.10"})
    void anIpLiteralHostIsNeverNoted(String host) {
        HstsUpdate update = learn(host, "max-age=31536000");
        assertFalse(update.changed());
        assertTrue(update.note().contains("IP literal"), update.note());
        assertTrue(store.list(T0).isEmpty());
        assertTrue(store.lookup(host, T0).isEmpty());
    }

    @Test
    void anInvalidHeaderIsIgnoredAndTheNoteSaysWhy() {
        HstsUpdate update = learn("a.test", "max-age=100; includeSubDomains; includeSubDomains");
        assertFalse(update.changed());
        assertEquals("ignored: invalid header: duplicate includeSubDomains directive "
                + "(RFC 6797 §6.1: every directive appears only once)", update.note());
    }

    @Test
    void aResponseWithoutTheHeaderChangesNothing() {
        learn("a.test", "max-age=100");
        HstsUpdate update = learn("a.test");
        assertFalse(update.changed());
        assertEquals("no Strict-Transport-Security header", update.note());
        assertTrue(store.lookup("a.test", T0).isPresent());
    }

    @Test
    void maxAgeZeroRemovesTheEntry() {
        learn("a.test", "max-age=100; includeSubDomains");
        HstsUpdate update = learn("a.test", "max-age=0");
        assertTrue(update.changed());
        assertEquals("removed a.test: max-age=0", update.note());
        assertTrue(store.lookup("a.test", T0).isEmpty());
        assertTrue(store.lookup("sub.a.test", T0).isEmpty());
    }

    @Test
    void maxAgeZeroForAnUnknownHostNotesNothing() {
        HstsUpdate update = learn("a.test", "max-age=0");
        assertFalse(update.changed());
        assertTrue(update.note().contains("nothing to remove"), update.note());
        assertTrue(store.list(T0).isEmpty());
    }

    @Test
    void aLaterHeaderUpdatesTheEntry() {
        learn("a.test", "max-age=100");
        HstsUpdate update = store.observe(secure("a.test", "max-age=50; includeSubDomains"), T0.plusSeconds(10));
        assertEquals("updated max-age=50; includeSubDomains", update.note());
        HstsPolicy policy = store.lookup("a.test", T0.plusSeconds(10)).orElseThrow();
        assertTrue(policy.includeSubDomains());
        assertEquals(T0.plusSeconds(60), policy.expires());
    }

    @Test
    void aMaxAgeAboveOneYearIsStoredAsOneYearAndTheNoteSaysSo() {
        HstsUpdate update = learn("a.test", "max-age=63072000; includeSubDomains; preload");
        assertTrue(update.note().startsWith("stored max-age=31536000 (capped from 63072000)"), update.note());
        assertEquals(T0.plusSeconds(31_536_000), store.lookup("a.test", T0).orElseThrow().expires());
    }

    // §8.2: which hosts a policy covers

    @Test
    void includeSubDomainsCoversEverySubdomain() {
        learn("example.test", "max-age=100; includeSubDomains");
        assertEquals("example.test", store.lookup("www.example.test", T0).orElseThrow().host());
        assertEquals("example.test", store.lookup("a.b.c.example.test", T0).orElseThrow().host());
    }

    @Test
    void withoutIncludeSubDomainsOnlyTheHostItselfIsCovered() {
        learn("example.test", "max-age=100");
        assertTrue(store.lookup("example.test", T0).isPresent());
        assertTrue(store.lookup("www.example.test", T0).isEmpty());
    }

    @Test
    void aPolicyNeverCoversSiblingsOrParents() {
        learn("www.example.test", "max-age=100; includeSubDomains");
        assertTrue(store.lookup("api.example.test", T0).isEmpty(), "sibling");
        assertTrue(store.lookup("example.test", T0).isEmpty(), "parent");
        assertTrue(store.lookup("test", T0).isEmpty(), "grandparent");
        assertTrue(store.lookup("xwww.example.test", T0).isEmpty(), "same suffix, not a label boundary");
    }

    @Test
    void theHostsOwnEntryWinsOverASuperdomainEntry() {
        learn("example.test", "max-age=1000; includeSubDomains");
        learn("www.example.test", "max-age=100");
        assertEquals("www.example.test", store.lookup("www.example.test", T0).orElseThrow().host());
    }

    @Test
    void aSuperdomainWithoutIncludeSubDomainsDoesNotHideOneFurtherUp() {
        learn("example.test", "max-age=1000; includeSubDomains");
        learn("b.example.test", "max-age=100");
        assertEquals("example.test", store.lookup("a.b.example.test", T0).orElseThrow().host());
    }

    @Test
    void removingASubdomainEntryLeavesTheParentsIncludeSubDomainsInForce() {
        learn("example.test", "max-age=1000; includeSubDomains");
        learn("www.example.test", "max-age=100");
        learn("www.example.test", "max-age=0");
        assertEquals("example.test", store.lookup("www.example.test", T0).orElseThrow().host());
    }

    // Normalisation

    @Test
    void hostsAreComparedInLowerCaseWithoutTrailingDot() {
        learn("HSTS.Lab.Test.", "max-age=100");
        assertEquals("hsts.lab.test", store.list(T0).get(0).host());
        assertTrue(store.lookup("hsts.lab.test", T0).isPresent());
        assertTrue(store.lookup("Hsts.LAB.test.", T0).isPresent());
    }

    @Test
    void internationalisedNamesAreStoredAsALabels() {
        learn("bücher.example", "max-age=100; includeSubDomains");
        assertEquals("xn--bcher-kva.example", store.list(T0).get(0).host());
        assertTrue(store.lookup("xn--bcher-kva.example", T0).isPresent());
        assertTrue(store.lookup("www.BÜCHER.example", T0).isPresent());
    }

    // Expiry by the caller's clock

    @Test
    void anEntryLapsesExactlyMaxAgeAfterItWasReceived() {
        learn("a.test", "max-age=100");
        assertTrue(store.lookup("a.test", T0.plusSeconds(99)).isPresent());
        assertTrue(store.lookup("a.test", T0.plusSeconds(100)).isEmpty());
        assertEquals(1, store.list(T0.plusSeconds(99)).size());
        assertEquals(0, store.list(T0.plusSeconds(100)).size());
    }

    @Test
    void lookupsDoNotDestroyEntriesSoTheClockMayGoBack() {
        learn("a.test", "max-age=100");
        assertTrue(store.lookup("a.test", T0.plusSeconds(500)).isEmpty());
        assertTrue(store.lookup("a.test", T0.plusSeconds(50)).isPresent());
    }

    @Test
    void anExpiredSubdomainEntryLetsTheParentApply() {
        learn("example.test", "max-age=1000; includeSubDomains");
        learn("www.example.test", "max-age=10");
        assertEquals("example.test", store.lookup("www.example.test", T0.plusSeconds(20)).orElseThrow().host());
    }

    // add / delete / clear (the shell's hsts commands)

    @Test
    void addStoresAManualEntry() {
        store.add("Manual.Test", Duration.ofDays(1), true, T0);
        HstsPolicy policy = store.lookup("x.manual.test", T0).orElseThrow();
        assertEquals("manual.test", policy.host());
        assertEquals("manual", policy.source());
        assertEquals(T0.plus(Duration.ofDays(1)), policy.expires());
    }

    @Test
    void addRefusesIpLiteralsAndNonPositiveMaxAgeWithAReason() {
        IllegalArgumentException ip = assertThrows(IllegalArgumentException.class,
                () -> store.add("10.0.0.1", Duration.ofDays(1), false, T0));
        assertTrue(ip.getMessage().contains("IP literal"), ip.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> store.add("a.test", Duration.ZERO, false, T0));
        assertTrue(zero.getMessage().contains("at least one second"), zero.getMessage());
    }

    @Test
    void addWithAHugeMaxAgeSaturatesInsteadOfOverflowing() {
        store.add("a.test", Duration.ofSeconds(Long.MAX_VALUE), false, T0);
        assertEquals(Instant.MAX, store.lookup("a.test", T0).orElseThrow().expires());
    }

    @Test
    void deleteRemovesOnlyTheExactHost() {
        learn("example.test", "max-age=100; includeSubDomains");
        learn("www.example.test", "max-age=100");
        assertTrue(store.delete("EXAMPLE.test."));
        assertFalse(store.delete("example.test"));
        assertEquals(List.of("www.example.test"), store.list(T0).stream().map(HstsPolicy::host).toList());
        assertFalse(store.delete("not a host"));
    }

    @Test
    void clearRemovesEverything() {
        learn("a.test", "max-age=100");
        store.add("b.test", Duration.ofDays(1), false, T0);
        store.clear();
        assertEquals(List.of(), store.list(T0));
        assertEquals(Optional.empty(), store.lookup("a.test", T0));
    }
}
