package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The true/false settings of navemu.navigator.cfg: absent is the default, a bad word is refused by name. */
class BooleanSettingTest {

    @Test
    void trueAndFalseInAnyCaseAndBooleansAreTaken() {
        assertFalse(BooleanSetting.parse("reuse", " False ", true));
        assertTrue(BooleanSetting.parse("reuse", "TRUE", false));
        assertFalse(BooleanSetting.parse("reuse", Boolean.FALSE, true));
    }

    @Test
    void absentOrBlankIsTheDefault() {
        assertTrue(BooleanSetting.parse("reuse", null, true));
        assertFalse(BooleanSetting.parse("reuse", "  ", false));
    }

    @Test
    void anyOtherWordIsRefusedNamingTheFileKeyAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BooleanSetting.parse("reuse", "yes", true));
        assertEquals("navemu.navigator.cfg: reuse=yes refused (true or false)", e.getMessage());
    }
}
