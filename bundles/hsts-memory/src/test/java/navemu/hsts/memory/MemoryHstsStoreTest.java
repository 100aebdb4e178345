package navemu.hsts.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.hsts.HstsObservation;

/** The memory slot is the core rules as they are: one check that the service passes them through. */
class MemoryHstsStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHeaderLearntOverHttpsUpgradesTheHostAndItsSubdomains() {
        MemoryHstsStore store = new MemoryHstsStore();
        store.observe(new HstsObservation("hsts.lab.test", List.of("max-age=31536000; includeSubDomains"),
                true, true), NOW);
        assertEquals("hsts.lab.test", store.lookup("sub.hsts.lab.test", NOW).orElseThrow().host());
        assertTrue(store.delete("hsts.lab.test"));
        assertTrue(store.lookup("hsts.lab.test", NOW).isEmpty());
    }

    @Test
    void aHeaderOverHttpIsIgnored() {
        MemoryHstsStore store = new MemoryHstsStore();
        store.observe(new HstsObservation("hsts.lab.test", List.of("max-age=31536000"), false, true), NOW);
        assertTrue(store.list(NOW).isEmpty());
    }
}
