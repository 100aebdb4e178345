package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A step's durationMs field is written without String.format: it must read exactly as "%.2f" did. */
class StepDurationTextTest {

    @Test
    void everyDurationReadsAsPercentPoint2fDid() {
        for (long nanos = 0; nanos < 3_000_000_000L; nanos += nanos < 2_000_000 ? 1_237 : 9_876_543) {
            double ms = StepRecorder.millis(nanos);
            assertEquals(String.format(Locale.ROOT, "%.2f", ms), StepRecorder.format(ms), "for " + nanos + " ns");
        }
        for (double ms : new double[] {0.0, 0.01, 0.1, 0.99, 1.0, 9.99, 10.05, 123456.78, 86_400_000.0}) {
            assertEquals(String.format(Locale.ROOT, "%.2f", ms), StepRecorder.format(ms));
            assertEquals(String.format(Locale.ROOT, "%.2f", -ms), StepRecorder.format(-ms));
        }
    }
}
