package navemu.tcp.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The words of the shell's net command: durations, rates in bits per second, loss. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class LinkSettingParserTest {

    @ParameterizedTest
    @CsvSource({"100ms, 100000000", "0.1s, 100000000", "100, 100000000", "2s, 2000000000", "0, 0", "1.5ms, 1500000",
                "250us, 250000"})
    void durationsAreMillisecondsUnlessTheySayOtherwise(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), LinkSettingParser.duration("rtt", text));
    }

    @ParameterizedTest
    @CsvSource({"1mbit, 1000000", "1Mbit/s, 1000000", "2mbps, 2000000", "500kbit, 500000", "1.44mbit, 1440000",
                "64000, 64000", "1gbit, 1000000000", "off, 0", "0, 0", "unlimited, 0"})
    void ratesAreBitsPerSecondWithDecimalPrefixes(String text, long bits) {
        assertEquals(bits, LinkSettingParser.bitsPerSecond("bandwidth", text));
    }

    @ParameterizedTest
    @CsvSource({"1%, 0.01", "0.5%, 0.005", "0.01, 0.01", "0, 0", "0%, 0"})
    void lossIsAPercentageOrAFraction(String text, double fraction) {
        assertEquals(fraction, LinkSettingParser.loss("loss", text), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "-5ms", "10 minutes", "2h"})
    void aBadDurationIsNamed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinkSettingParser.duration("rtt", text));
        assertTrue(e.getMessage().startsWith("rtt \"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1MB/s", "lots", "1.5", "-1mbit", "2bit"})
    void aBadRateIsNamed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinkSettingParser.bitsPerSecond("bandwidth", text));
        assertTrue(e.getMessage().startsWith("bandwidth \"" + text + "\""), e.getMessage());
    }

    @Test
    void aBareOneIsAllLossAndTheMessageSaysHowToWriteOnePercent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinkSettingParser.loss("loss", "1"));
        assertTrue(e.getMessage().contains("write 1% for one percent"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinkSettingParser.loss("loss", "100%"));
    }

    @Test
    void aMissingValueIsNamed() {
        assertEquals("rtt needs a value", assertThrows(IllegalArgumentException.class,
                () -> LinkSettingParser.duration("rtt", " ")).getMessage());
    }
}
