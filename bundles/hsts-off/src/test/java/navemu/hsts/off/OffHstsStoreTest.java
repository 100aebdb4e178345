package navemu.hsts.off;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsUpdate;

class OffHstsStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final OffHstsStore store = new OffHstsStore();

    @Test
    void aValidHeaderOverHttpsIsIgnoredAndTheNoteSaysHstsIsOff() {
        HstsUpdate update = store.observe(new HstsObservation("hsts.lab.test",
                List.of("max-age=31536000; includeSubDomains"), true, true), NOW);
        assertFalse(update.changed());
        assertEquals("HSTS is off: header ignored", update.note());
        assertTrue(store.lookup("hsts.lab.test", NOW).isEmpty());
        assertTrue(store.list(NOW).isEmpty());
    }

    @Test
    void addSaysPlainlyThatNothingCanBeStored() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> store.add("a.test", Duration.ofDays(1), false, NOW));
        assertTrue(e.getMessage().startsWith("HSTS is off"), e.getMessage());
        assertFalse(store.delete("a.test"));
    }
}
