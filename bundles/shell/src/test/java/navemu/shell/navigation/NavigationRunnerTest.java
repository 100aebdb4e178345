package navemu.shell.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.nav.NavigationRequest;
import navemu.api.nav.Navigator;
import navemu.api.result.NavigationResult;
import navemu.shell.command.CommandException;
import navemu.shell.fixtures.Results;

@Timeout(30)
class NavigationRunnerTest {

    /** A navigation that waits on the network until its cancellation closes the "socket". */
    private static Navigator waitingForTheNetwork(CountDownLatch started) {
        return request -> {
            CountDownLatch closed = new CountDownLatch(1);
            request.cancellation().closeOnCancel(closed::countDown);
            started.countDown();
            try {
                closed.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Results.failed(request.url(), "ERR_ABORTED");
        };
    }

    @Test
    void interruptCancelsTheNavigationInFlightAndItsResultComesBack() throws Exception {
        NavigationRunner runner = new NavigationRunner();
        CountDownLatch started = new CountDownLatch(1);
        Thread ctrlC = new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            runner.interrupt();
        });
        ctrlC.start();
        NavigationResult result = runner.run(waitingForTheNetwork(started), NavigationRequest.of("https://slow.lab.test/"));
        assertEquals("ERR_ABORTED", result.error);
    }

    @Test
    void aNavigatorThatIgnoresTheCancelIsLeftBehindAfterTheGraceTime() throws Exception {
        NavigationRunner runner = new NavigationRunner(200);
        CountDownLatch started = new CountDownLatch(1);
        Navigator stubborn = request -> {
            started.countDown();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Results.failed(request.url(), "ERR_ABORTED");
        };
        new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            runner.interrupt();
        }).start();
        CommandException e = assertThrows(CommandException.class,
                () -> runner.run(stubborn, NavigationRequest.of("https://slow.lab.test/")));
        assertTrue(e.getMessage().contains("did not stop within 200 ms"), e.getMessage());
    }

    @Test
    void interruptWithNothingRunningDoesNothing() throws Exception {
        NavigationRunner runner = new NavigationRunner();
        runner.interrupt();
        NavigationResult result = runner.run(request -> Results.ok(request.url(), 200, "jsse"), NavigationRequest.of("https://www.lab.test/"));
        assertTrue(result.ok);
    }

    @Test
    void navigationsInARowReuseOneWorkerThread() throws Exception {
        NavigationRunner runner = new NavigationRunner();
        java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Navigator recording = request -> {
            workers.add(Thread.currentThread());
            return Results.ok(request.url(), 200, "jsse");
        };
        for (int i = 0; i < 20; i++) {
            assertTrue(runner.run(recording, NavigationRequest.of("https://www.lab.test/")).ok);
        }
        assertEquals(1, workers.size(), "one worker for 20 navigations in a row");
        Thread worker = workers.iterator().next();
        assertEquals("navemu-navigation", worker.getName());
        assertTrue(worker.isDaemon());
    }

    @Test
    void aWorkerLeftBehindDoesNotHoldUpTheNextNavigation() throws Exception {
        NavigationRunner runner = new NavigationRunner(200);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Navigator stuck = request -> {
            started.countDown();
            while (true) {
                try {
                    if (release.await(20, TimeUnit.SECONDS)) {
                        return Results.failed(request.url(), "ERR_ABORTED");
                    }
                } catch (InterruptedException ignored) {
                    // deaf to interrupts: the worker stays stuck until the test releases it
                }
            }
        };
        new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            runner.interrupt();
        }).start();
        assertThrows(CommandException.class, () -> runner.run(stuck, NavigationRequest.of("https://slow.lab.test/")));
        try {
            NavigationResult next = runner.run(request -> Results.ok(request.url(), 200, "jsse"),
                    NavigationRequest.of("https://www.lab.test/"));
            assertTrue(next.ok);
        } finally {
            release.countDown();
        }
    }
}
