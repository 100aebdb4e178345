package navemu.navigator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.result.StepResult;
import navemu.api.trace.NetworkWait;

@Timeout(20)
class NetworkClockTest {

    private static final long MS = 1_000_000;

    @Test
    void aWaitCountsAtLeastTheTimeItWasOpen() {
        NetworkClock clock = new NetworkClock();
        long start = System.nanoTime();
        try (NetworkWait wait = clock.begin()) {
            LockSupport.parkNanos(20 * MS);
        }
        long span = System.nanoTime() - start;

        assertTrue(clock.nanos() >= 20 * MS, "at least the 20 ms the wait was open: " + clock.nanos());
        assertTrue(clock.nanos() <= span, "never more than the time that passed");
        assertEquals(1, clock.waits());
    }

    @Test
    void parallelWaitsOnSeveralThreadsCountOnceNotThreeTimes() throws Exception {
        NetworkClock clock = new NetworkClock();
        CountDownLatch allOpen = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                try (NetworkWait wait = clock.begin()) {
                    allOpen.countDown();
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(t);
            t.start();
        }
        allOpen.await(10, TimeUnit.SECONDS);
        LockSupport.parkNanos(30 * MS); // all three waits are open together for at least this long
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long span = System.nanoTime() - start;

        assertEquals(3, clock.waits());
        assertTrue(clock.nanos() >= 30 * MS, "the common 30 ms count: " + clock.nanos());
        // A sum of the three waits would be about three times the span; the union never exceeds it.
        assertTrue(clock.nanos() <= span, clock.nanos() + " ns counted in a span of " + span + " ns");
    }

    @Test
    void aBackdatedWaitNeverCountsTimeAlreadyCounted() {
        NetworkClock clock = new NetworkClock();
        long start = System.nanoTime();
        try (NetworkWait first = clock.begin()) {
            LockSupport.parkNanos(10 * MS);
        }
        try (NetworkWait backdated = clock.beginAt(start)) { // began before the first wait ended
            LockSupport.parkNanos(10 * MS);
        }
        long span = System.nanoTime() - start;

        assertTrue(clock.nanos() >= 20 * MS, clock.nanos() + " ns");
        assertTrue(clock.nanos() <= span, "the overlap counts once: " + clock.nanos() + " ns in " + span);
    }

    @Test
    void closingAWaitTwiceCountsItOnce() {
        NetworkClock clock = new NetworkClock();
        NetworkWait wait = clock.begin();
        LockSupport.parkNanos(5 * MS);
        wait.close();
        long once = clock.nanos();
        LockSupport.parkNanos(5 * MS);
        wait.close();

        assertEquals(once, clock.nanos(), "a second close neither adds nor reopens");
    }

    @Test
    void theSplitAddsUpToTheDurationAndLeavesTheServerOutOfTheNetwork() {
        NetworkClock clock = new NetworkClock();
        try (NetworkWait wait = clock.begin()) {
            LockSupport.parkNanos(30 * MS);
        }
        long waited = clock.nanos();
        StepResult step = new StepResult();
        long duration = waited + 7 * MS;

        TimeSplit.fill(step, duration, clock, 1, 10 * MS);

        assertEquals(10.0, step.serverMs, 0.001);
        assertEquals(waited / 1e6 - 10.0, step.networkMs, 0.011);
        assertEquals(7.0, step.localMs, 0.011);
        assertEquals(duration / 1e6, step.networkMs + step.serverMs + step.localMs, 0.03);
    }

    @Test
    void aStepWithoutRoundTripsIsAllLocalWorkAndOneThatDoesNotSayWhereItWaitedHasNoSplit() {
        StepResult local = new StepResult();
        TimeSplit.fill(local, 3 * MS, new NetworkClock(), 0, -1);
        assertEquals(0.0, local.networkMs);
        assertEquals(3.0, local.localMs);
        assertEquals(null, local.serverMs, "no connection to see a server on");

        StepResult unsaid = new StepResult();
        TimeSplit.fill(unsaid, 3 * MS, new NetworkClock(), 1, -1);
        assertEquals(null, unsaid.networkMs);
        assertEquals(null, unsaid.localMs);
    }
}
