package navemu.lab.origin;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time an origin's threads spent on each of its connections, by the client's port: each
 * connection is served start to end by one pool thread, so its work is that thread's CPU time since
 * it took the connection. A connection that ended keeps its last figure for a while (the client's
 * step may end after the server closed), among the last {@value #ENDED_KEPT}.
 */
final class ConnectionCpu {
    static final int ENDED_KEPT = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A connection being served: its thread and that thread's CPU time when it took it. */
    private record Serving(long threadId, long cpuAtStart) {
    }

    private final Map<Integer, Serving> serving = new HashMap<>();
    private final Map<Integer, Long> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Long> eldest) {
            return size() > ENDED_KEPT;
        }
    };

    /** True where the JVM can tell a thread's CPU time (Linux, every JDK here). */
    static boolean supported() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** The calling thread starts serving the connection from {@code clientPort}. */
    synchronized void begin(int clientPort) {
        ended.remove(clientPort);
        serving.put(clientPort, new Serving(Thread.currentThread().getId(), THREADS.getCurrentThreadCpuTime()));
    }

    /** The calling thread is done with it: its figure is kept as it stands. */
    synchronized void end(int clientPort) {
        Serving done = serving.remove(clientPort);
        if (done != null) {
            ended.put(clientPort, THREADS.getCurrentThreadCpuTime() - done.cpuAtStart());
        }
    }

    /**
     * CPU nanoseconds spent on the connection from {@code clientPort} so far: 0 for one no thread
     * has taken yet (the client's connect returns once the kernel has the connection, often before
     * the origin accepts it, and until then the server has done nothing for it); -1 when the
     * thread's time cannot be read.
     */
    synchronized long nanos(int clientPort) {
        Serving now = serving.get(clientPort);
        if (now != null) {
            long cpu = THREADS.getThreadCpuTime(now.threadId());
            return cpu < 0 ? -1 : cpu - now.cpuAtStart();
        }
        Long done = ended.get(clientPort);
        return done == null ? 0 : done;
    }
}
