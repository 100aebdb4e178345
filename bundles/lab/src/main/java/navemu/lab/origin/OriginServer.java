package navemu.lab.origin;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import navemu.lab.LabAddress;

/**
 * One listening origin on 127.0.0.1 and an ephemeral port: an acceptor thread and a bounded pool
 * of connection threads. Every read has a timeout, and {@link #close()} stops every thread.
 */
public final class OriginServer implements Closeable {

    /** A handshake or request that stalls this long is dropped. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Connections served at once; one more is refused (closed) rather than queued. */
    public static final int MAX_CONNECTIONS = 16;

    private final String name;
    private final ServerSocket listener;
    private final ConnectionHandler handler;
    private final ThreadPoolExecutor pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Null when the handler's work is not done on the connection's thread, or the JVM cannot time threads. */
    private final ConnectionCpu cpu;
    private final Thread acceptor;

    private OriginServer(String name, ServerSocket listener, ConnectionHandler handler) {
        this.name = name;
        this.listener = listener;
        this.handler = handler;
        this.cpu = handler.worksOnItsThread() && ConnectionCpu.supported() ? new ConnectionCpu() : null;
        this.pool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, "navemu-lab " + name + " connection"));
        this.acceptor = daemon(this::acceptLoop, "navemu-lab " + name + " acceptor");
    }

    /** Binds and starts accepting. @param name for thread names and messages, e.g. {@code https www.lab.test} */
    static OriginServer start(String name, ConnectionHandler handler) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(LabAddress.LOOPBACK, 0), 50);
        OriginServer server = new OriginServer(name, listener, handler);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed by close()
            }
            try {
                pool.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket); // busy or shutting down
            }
        }
    }

    private void serve(Socket socket) {
        open.add(socket);
        if (cpu != null) {
            cpu.begin(socket.getPort());
        }
        try {
            if (listener.isClosed()) {
                return; // close() ran between accept and here: it may not have seen this socket
            }
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            handler.handle(socket);
        } catch (IOException | RuntimeException e) {
            // A client that fails the handshake or goes away is normal in the lab: nothing to do.
        } finally {
            if (cpu != null) {
                cpu.end(socket.getPort());
            }
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    /**
     * The CPU time this origin has spent on the connection from the client's {@code clientPort},
     * in nanoseconds (0 before it took the connection); -1 when its work is done elsewhere.
     */
    public long cpuNanos(int clientPort) {
        return cpu == null ? -1 : cpu.nanos(clientPort);
    }

    @Override
    public void close() {
        closeQuietly(listener);
        pool.shutdownNow();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(2000);
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " on 127.0.0.1:" + port();
    }

    private static Thread daemon(Runnable runnable, String threadName) {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }
}
