package navemu.tcp.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.tcp.emulated.api.LinkConditions;

/** The arithmetic of one direction: half an RTT, serialisation at the rate, RTO on loss, never out of order. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class DelayLineTest {

    private static final long MS = 1_000_000;

    private static LinkConditions link(long rttMs, long jitterMs, long bits, double loss) {
        return new LinkConditions("test", Duration.ofMillis(rttMs), Duration.ofMillis(jitterMs), bits, bits, loss);
    }

    @Test
    void aSegmentArrivesHalfAnRttLater() {
        DelayLine line = new DelayLine(link(100, 0, 0, 0), 0, new SplittableRandom(1));
        assertEquals(1_000 * MS + 50 * MS, line.deliveryTime(1_000 * MS, 100));
    }

    @Test
    void segmentsQueueBehindEachOtherAtTheLinkRate() {
        // 1460 bytes at 1 Mbit/s take 11.68 ms to put on the wire.
        DelayLine line = new DelayLine(link(0, 0, 1_000_000, 0), 1_000_000, new SplittableRandom(1));
        long first = line.deliveryTime(0, 1460);
        long second = line.deliveryTime(0, 1460);
        assertEquals(11_680_000, first);
        assertEquals(23_360_000, second);
        // After an idle pause the link is free again.
        assertEquals(1_000 * MS + 11_680_000, line.deliveryTime(1_000 * MS, 1460));
    }

    @Test
    void aLostSegmentCostsAnRtoAndHoldsUpTheOnesBehindIt() {
        DelayLine always = new DelayLine(link(100, 0, 0, 0.999999999), 0, new SplittableRandom(1));
        long lost = always.deliveryTime(0, 100);
        assertEquals(50 * MS + 200 * MS, lost, "RTO = max(200 ms, 2 × RTT)");
        assertEquals(1, always.losses());

        DelayLine slowRto = new DelayLine(link(300, 0, 0, 0.999999999), 0, new SplittableRandom(1));
        assertEquals(150 * MS + 600 * MS, slowRto.deliveryTime(0, 100), "2 × RTT when that is more");
    }

    @Test
    void jitterStaysWithinItsBoundsAndNeverReordersTheStream() {
        DelayLine line = new DelayLine(link(100, 40, 0, 0), 0, new SplittableRandom(7));
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 1000; i++) {
            long entered = i * MS;
            long due = line.deliveryTime(entered, 10);
            assertTrue(due >= previous, "in order");
            assertTrue(due >= entered + 10 * MS && due <= Math.max(previous, entered + 90 * MS),
                    "within 50 ± 40 ms, or held behind the one ahead: " + (due - entered));
            previous = due;
        }
    }

    @Test
    void lossHappensAtAboutTheConfiguredRate() {
        DelayLine line = new DelayLine(link(10, 0, 0, 0.05), 0, new SplittableRandom(42));
        for (int i = 0; i < 20_000; i++) {
            line.deliveryTime(i, 10);
        }
        // 1000 expected; a seeded generator makes this exact run repeatable, the bound is wide anyway.
        assertTrue(line.losses() > 800 && line.losses() < 1200, "losses " + line.losses());
    }
}
