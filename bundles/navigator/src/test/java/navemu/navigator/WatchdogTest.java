package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deadlines' timer: alarms fire and close what they guard, closed watchdogs fire nothing, one thread serves all. */
@Timeout(30)
class WatchdogTest {

    @Test
    void anAlarmThatPassesClosesWhatItGuards() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Alarm alarm = watchdog.arm(Duration.ofMillis(1), "the test");
            alarm.closeOnExpiry(closed::countDown);
            assertTrue(closed.await(10, TimeUnit.SECONDS));
            assertTrue(alarm.fired());
        }
    }

    @Test
    void aClosedWatchdogsAlarmsNeverFire() throws Exception {
        Watchdog watchdog = new Watchdog();
        Watchdog.Alarm alarm = watchdog.arm(Duration.ofMillis(200), "the test");
        CountDownLatch closed = new CountDownLatch(1);
        alarm.closeOnExpiry(closed::countDown);
        watchdog.close();
        Watchdog.Alarm late = watchdog.arm(Duration.ofMillis(1), "armed after close");

        assertFalse(closed.await(1, TimeUnit.SECONDS), "a disarmed alarm closed its resource");
        assertFalse(alarm.fired());
        assertFalse(late.fired());
    }

    @Test
    void theAlarmsOfManyNavigationsShareOneTimerThread() throws Exception {
        Set<Thread> timers = ConcurrentHashMap.newKeySet();
        Thread test = Thread.currentThread();
        for (int i = 0; i < 20; i++) {
            CountDownLatch fired = new CountDownLatch(1);
            try (Watchdog navigation = new Watchdog()) {
                navigation.arm(Duration.ofMillis(50), "navigation " + i).closeOnExpiry(() -> {
                    // An alarm that fired before this was registered closes at once, on the test's thread.
                    if (Thread.currentThread() != test) {
                        timers.add(Thread.currentThread());
                    }
                    fired.countDown();
                });
                assertTrue(fired.await(10, TimeUnit.SECONDS));
            }
        }
        assertEquals(1, timers.size(), "one timer thread for 20 navigations");
        Thread timer = timers.iterator().next();
        assertEquals("navemu-deadline", timer.getName());
        assertTrue(timer.isDaemon());
    }
}
