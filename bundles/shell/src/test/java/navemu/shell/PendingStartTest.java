package navemu.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PendingStartTest {

    @Test
    void withNothingToStartEveryWaitReturnsAtOnceAndTheActionRunsAtOnce() {
        List<String> said = new ArrayList<>();
        PendingStart.NONE.begin(said::addAll);
        PendingStart.NONE.await();
        assertTrue(PendingStart.NONE.done());
        assertEquals(List.of(), said);
        assertTrue(PendingStart.find(null) == PendingStart.NONE, "no framework, nothing pending");
    }

    @Test
    void theStartRunsOnceOnItsOwnThreadAndItsLinesAreSaidBeforeAWaitReturns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        PendingStart pending = PendingStart.of(new FutureTask<>(() -> {
            runs.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            release.await(10, TimeUnit.SECONDS);
            return List.of("navemu: warning: navemu-x: not started");
        }));
        List<String> said = Collections.synchronizedList(new ArrayList<>());

        pending.begin(said::addAll);
        pending.begin(lines -> said.add("a second begin must not run it again"));
        assertFalse(pending.done(), "still starting");
        release.countDown();
        pending.await();

        assertTrue(pending.done());
        assertEquals(1, runs.get());
        assertEquals(List.of("navemu-start"), threads);
        assertEquals(List.of("navemu: warning: navemu-x: not started"), said, "said before the wait returned");
    }

    @Test
    void aWaitBeginsTheStartWhenNobodyDid() {
        AtomicInteger runs = new AtomicInteger();
        PendingStart pending = PendingStart.of(new FutureTask<List<String>>(() -> List.of("x")) {
            @Override
            public void run() {
                runs.incrementAndGet();
                super.run();
            }
        });
        pending.await();
        assertEquals(1, runs.get());
        assertTrue(pending.done());
    }

    @Test
    void aStartThatFailsIsSaidAndDoesNotLeaveTheShellWaiting() {
        PendingStart pending = PendingStart.of(new FutureTask<List<String>>(() -> {
            throw new IllegalStateException("framework stopping");
        }));
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        pending.begin(said::addAll);
        pending.await();
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("navemu: warning: starting the bundles failed: ")
                && said.get(0).contains("framework stopping"), said.toString());
    }
}
