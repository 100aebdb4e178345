package navemu.tcp.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.tcp.emulated.api.LinkConditions;

/** The settings the shell changes at run time, the DevTools presets, and the ConfigAdmin properties. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class ShapedLinkTest {

    @Test
    void eachNetSettingChangesOnlyItsOwnFigure() {
        ShapedLink link = new ShapedLink(LinkConditions.OFF);
        link.apply("rtt", "100ms");
        link.apply("bandwidth", "1mbit");
        link.apply("loss", "1%");
        link.apply("jitter", "5ms");
        LinkConditions now = link.conditions();

        assertEquals(Duration.ofMillis(100), now.rtt());
        assertEquals(Duration.ofMillis(5), now.jitter());
        assertEquals(1_000_000, now.downlinkBitsPerSecond());
        assertEquals(1_000_000, now.uplinkBitsPerSecond());
        assertEquals(0.01, now.loss(), 1e-12);
        assertEquals("custom: RTT 100 ms ± 5 ms, down 1 Mbit/s, up 1 Mbit/s, loss 1 %", now.describe());
    }

    @Test
    void presetsCarryTheDevToolsFiguresAndAreFoundByLooseName() {
        ShapedLink link = new ShapedLink(LinkConditions.OFF);
        LinkConditions slow4g = link.apply("preset", "slow-4g");
        assertEquals("Slow 4G", slow4g.name());
        assertEquals(Duration.ofMillis(150), slow4g.rtt());
        assertEquals(1_440_000, slow4g.downlinkBitsPerSecond());
        assertEquals(675_000, slow4g.uplinkBitsPerSecond());
        assertSame(ThrottlingPresets.SLOW_4G, link.apply("preset", "Fast 3G"), "the name DevTools used before 2024");
        assertEquals(Duration.ofMillis(400), link.apply("preset", "slow 3g").rtt());
        assertEquals(8_100_000, link.apply("preset", "FAST_4G").downlinkBitsPerSecond());
        assertEquals(List.of("Fast 4G", "Slow 4G", "3G", "off"), List.copyOf(link.presets().keySet()));
    }

    @Test
    void offTurnsShapingOff() {
        ShapedLink link = new ShapedLink(ThrottlingPresets.SLOW_3G);
        assertFalse(link.apply("off", null).shapes());
    }

    @Test
    void aBadChangeLeavesTheConditionsAsTheyWereAndSaysWhatIsAccepted() {
        ShapedLink link = new ShapedLink(ThrottlingPresets.FAST_4G);
        IllegalArgumentException setting = assertThrows(IllegalArgumentException.class,
                () -> link.apply("latency", "100ms"));
        assertTrue(setting.getMessage().contains("the settings are rtt, jitter"), setting.getMessage());
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class,
                () -> link.apply("preset", "5G"));
        assertTrue(preset.getMessage().contains("Fast 4G, Slow 4G, 3G, off"), preset.getMessage());
        assertThrows(IllegalArgumentException.class, () -> link.apply("rtt", "soon"));
        assertSame(ThrottlingPresets.FAST_4G, link.conditions());
    }

    @Test
    void configurationAppliesThePresetThenTheSettingsOverIt() {
        LinkConditions configured = LinkConfiguration.from(Map.of("preset", "Slow 4G", "loss", "2%"));
        assertEquals(Duration.ofMillis(150), configured.rtt());
        assertEquals(1_440_000, configured.downlinkBitsPerSecond());
        assertEquals(0.02, configured.loss(), 1e-12);
    }

    @Test
    void noConfigurationMeansAHundredMillisecondRttAndNothingElse() {
        LinkConditions configured = LinkConfiguration.from(Map.of("service.pid", "navemu.tcp.emulated"));
        assertEquals(Duration.ofMillis(100), configured.rtt());
        assertEquals(0, configured.downlinkBitsPerSecond());
        assertEquals(0, configured.loss());
        assertEquals("default", LinkConfiguration.from(Map.of("rtt", "100ms")).name(), "restating keeps the name");
    }

    @Test
    void aBadConfiguredValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinkConfiguration.from(Map.of("bandwidth", "fast")));
        assertTrue(e.getMessage().contains("bandwidth \"fast\""), e.getMessage());
    }

    @Test
    void theComponentFallsBackToTheDefaultOnABadConfiguration() {
        EmulatedComponent component = new EmulatedComponent();
        component.configure(Map.of("preset", "Fast 4G"));
        assertEquals("Fast 4G", component.conditions().name());
        component.configure(Map.of("loss", "50 percent"));
        assertEquals(LinkConfiguration.DEFAULT, component.conditions());
    }
}
