package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void everyDeadlineHasADefault() {
        Deadlines d = Deadlines.read(Map.of());
        assertEquals(Duration.ofMillis(Deadlines.DEFAULT_HOP_MS), d.hop());
        assertEquals(Duration.ofMillis(Deadlines.DEFAULT_RESPONSE_HEADERS_MS), d.responseHeaders());
        assertEquals(Duration.ofMillis(Deadlines.DEFAULT_RESPONSE_BODY_MS), d.responseBody());
        assertTrue(d.problems().isEmpty());
    }

    @Test
    void aBadValueIsRefusedByNameAndTheOthersAreKept() {
        Deadlines d = Deadlines.read(Map.of("hopTimeoutMs", "0", "responseHeadersTimeoutMs", "5s",
                "responseBodyTimeoutMs", "2500"));
        assertEquals(Duration.ofMillis(Deadlines.DEFAULT_HOP_MS), d.hop());
        assertEquals(Duration.ofMillis(Deadlines.DEFAULT_RESPONSE_HEADERS_MS), d.responseHeaders());
        assertEquals(Duration.ofMillis(2500), d.responseBody(), "the good value is kept");
        assertEquals(List.of(
                "navemu.navigator.cfg: hopTimeoutMs=0 refused (must be from 1 to 600000 ms); using 180000",
                "navemu.navigator.cfg: responseHeadersTimeoutMs=5s refused (not a whole number of ms); using 60000"),
                d.problems());
    }

    @Test
    void aDeadlineBeyondTenMinutesIsRefused() {
        Deadlines d = Deadlines.read(Map.of("hopTimeoutMs", Long.toString(Integer.MAX_VALUE)));
        assertEquals(Duration.ofMillis(Deadlines.DEFAULT_HOP_MS), d.hop());
        assertEquals(1, d.problems().size());
    }
}
