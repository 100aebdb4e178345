package navemu.session.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class StoreCapacityTest {

    @Test
    void nothingConfiguredMeansTheDefault() {
        assertEquals(StoreCapacity.DEFAULT, StoreCapacity.from(null));
        assertEquals(StoreCapacity.DEFAULT, StoreCapacity.from(" "));
    }

    @Test
    void aNumberOrItsTextIsTheCapacity() {
        assertEquals(32, StoreCapacity.from("32"));
        assertEquals(8, StoreCapacity.from(8));
    }

    @Test
    void aBadValueIsNamedInTheError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreCapacity.from("lots"))
                .getMessage().contains("\"lots\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreCapacity.from("0"))
                .getMessage().contains("less than 1"));
    }
}
