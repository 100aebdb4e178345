package navemu.lab.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.lab.LabAddress;

/**
 * An origin's CPU time per connection (what a step on a plain socket counts as the server's time):
 * the serving thread's work on that connection, 0 before it is taken, kept once it ended, and
 * unseen (-1) for a handler whose work is done elsewhere.
 */
@Timeout(30)
class ConnectionCpuTest {

    /** Reads one byte, then works ~{@code millis} of CPU, then answers one byte. */
    private static ConnectionHandler busyFor(long millis, CountDownLatch answered) {
        return socket -> {
            InputStream in = socket.getInputStream();
            in.read();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long spin = 0;
            while (System.nanoTime() < until) {
                spin += until % 7;
            }
            socket.getOutputStream().write(spin == -1 ? 0 : 1);
            answered.countDown();
            in.read(); // until the client closes
        };
    }

    @Test
    void theServingThreadsCpuTimeIsTheConnectionsAndItIsKeptOnceItEnds() throws Exception {
        assumeTrue(ConnectionCpu.supported(), "this JVM cannot time a thread's CPU");
        CountDownLatch answered = new CountDownLatch(1);
        try (OriginServer origin = OriginServer.start("test", busyFor(60, answered))) {
            int clientPort;
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(LabAddress.LOOPBACK, origin.port()));
                clientPort = client.getLocalPort();
                assertTrue(origin.cpuNanos(clientPort) >= 0, "0 or more as soon as the client is connected");
                client.getOutputStream().write(1);
                assertEquals(1, client.getInputStream().read());
                assertTrue(answered.await(10, TimeUnit.SECONDS));
                long during = origin.cpuNanos(clientPort);
                // Spinning 60 ms of wall time is at least a few ms of CPU even on a loaded machine.
                assertTrue(during >= TimeUnit.MILLISECONDS.toNanos(5), "the server's work is counted: " + during);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long after = origin.cpuNanos(clientPort);
            while (System.nanoTime() < deadline && after < TimeUnit.MILLISECONDS.toNanos(5)) {
                Thread.sleep(10);
                after = origin.cpuNanos(clientPort);
            }
            assertTrue(after >= TimeUnit.MILLISECONDS.toNanos(5), "kept after the connection ended: " + after);
        }
    }

    @Test
    void aConnectionNotTakenYetHasCostNothingAndAnotherPortIsNotMistakenForIt() throws IOException {
        assumeTrue(ConnectionCpu.supported(), "this JVM cannot time a thread's CPU");
        ConnectionCpu cpu = new ConnectionCpu();
        assertEquals(0, cpu.nanos(40000), "never taken: no work yet");
        cpu.begin(40001);
        assertTrue(cpu.nanos(40001) >= 0);
        assertEquals(0, cpu.nanos(40000), "another client's port");
        cpu.end(40001);
        assertTrue(cpu.nanos(40001) >= 0);
    }

    @Test
    void aHandlerWhoseWorkIsDoneElsewhereLeavesTheServersTimeUnseen() throws Exception {
        ConnectionHandler relay = new ConnectionHandler() {
            @Override
            public void handle(Socket socket) throws IOException {
                socket.getInputStream().read();
            }

            @Override
            public boolean worksOnItsThread() {
                return false;
            }
        };
        try (OriginServer origin = OriginServer.start("relay", relay); Socket client = new Socket()) {
            client.connect(new InetSocketAddress(LabAddress.LOOPBACK, origin.port()));
            assertEquals(-1, origin.cpuNanos(client.getLocalPort()));
        }
    }
}
