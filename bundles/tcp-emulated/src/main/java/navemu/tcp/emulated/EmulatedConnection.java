package navemu.tcp.emulated;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import navemu.api.tcp.Connection;
import navemu.tcp.emulated.api.LinkConditions;

/**
 * A {@link Connection} whose bytes cross an emulated link on their way to and from a real socket.
 *
 * <p>Each direction has a {@link DelayLine} (when a segment comes out) and a {@link DeliveryQueue}
 * (segments waiting for that moment):
 * <ul>
 *   <li><b>client → server</b>: {@link #output()} cuts each write into TCP-sized segments, gives each
 *       its delivery time and queues it; the <i>sender</i> thread writes each segment to the socket
 *       when it is due, so the server receives it half an RTT (plus serialisation, jitter, loss)
 *       after the client wrote it.</li>
 *   <li><b>server → client</b>: the <i>receiver</i> thread reads the socket as bytes arrive and
 *       queues them with their delivery time; {@link #input()} hands them to the client only once due.</li>
 * </ul>
 * A request written at {@code t} thus reaches the server at {@code t + RTT/2}, and the answer the
 * server sends at once is read by the client at {@code t + RTT}: one round trip, by the clock.
 *
 * <p>{@link #close()} sends the FIN down the link after the bytes already written, as the kernel
 * does with a socket's send buffer, unless that would take more than {@value #CLOSE_LINGER_SECONDS} s.
 */
final class EmulatedConnection implements Connection {

    /** Bytes in flight per direction before a writer waits, like a socket buffer. */
    static final int QUEUE_LIMIT_BYTES = 1 << 20;
    static final int CLOSE_LINGER_SECONDS = 10;
    /** "No deadline", far enough ahead never to come and near enough not to overflow nanoTime arithmetic. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 4;

    private final Socket socket;
    private final LinkConditions link;
    private final DelayLine uplink;
    private final DelayLine downlink;
    private final DeliveryQueue toServer = new DeliveryQueue(QUEUE_LIMIT_BYTES);
    private final DeliveryQueue toClient = new DeliveryQueue(QUEUE_LIMIT_BYTES);
    private final InputStream input = new ShapedInput();
    private final OutputStream output = new ShapedOutput();
    private final Object writeLock = new Object();
    private volatile long readTimeoutNanos;
    private volatile IOException sendFailure;
    private final ServerClock serverClock = new ServerClock();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

    /** Starts the two pump threads on an already connected {@code socket}. */
    EmulatedConnection(Socket socket, LinkConditions link, long seed) {
        this.socket = socket;
        this.link = link;
        SplittableRandom random = new SplittableRandom(seed);
        this.uplink = new DelayLine(link, link.uplinkBitsPerSecond(), random.split());
        this.downlink = new DelayLine(link, link.downlinkBitsPerSecond(), random.split());
        String name = SocketNames.describe((InetSocketAddress) socket.getRemoteSocketAddress());
        start(new Thread(this::send, "navemu-emulated-send " + name));
        start(new Thread(this::receive, "navemu-emulated-receive " + name));
    }

    private static void start(Thread thread) {
        thread.setDaemon(true);
        thread.start();
    }

    LinkConditions link() {
        return link;
    }

    /** Segments lost and resent so far, client → server and server → client. */
    long[] losses() {
        return new long[] {uplink.losses(), downlink.losses()};
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        // As with SO_TIMEOUT, 0 would mean "wait forever"; every read in navemu has a bound.
        readTimeoutNanos = Math.max(Duration.ofMillis(1).toNanos(), timeout.toNanos());
    }

    @Override
    public InetSocketAddress remote() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The server's own time, seen where the link meets the real socket: see {@link ServerClock}. */
    @Override
    public long serverNanos() {
        return serverClock.nanos();
    }

    @Override
    public void close() throws IOException {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        toClient.close();
        // The FIN follows the last byte written, half an RTT behind it at the earliest.
        long now = System.nanoTime();
        long finDue = Math.max(toServer.lastDue(now), now + link.rtt().toNanos() / 2);
        if (finDue - now > Duration.ofSeconds(CLOSE_LINGER_SECONDS).toNanos()) {
            toServer.close();
            socket.close();
        } else {
            toServer.addEnd(finDue, null);
        }
    }

    @Override
    public String toString() {
        return "emulated tcp " + local() + " -> " + remote() + " (" + link.describe() + ")";
    }

    /** The sender thread: each client segment goes to the socket when the link delivers it. */
    private void send() {
        try {
            OutputStream socketOutput = socket.getOutputStream();
            while (true) {
                DeliveryQueue.Segment segment = toServer.awaitDue(System.nanoTime() + FOREVER_NANOS);
                if (segment == null) {
                    return; // closed hard
                }
                if (segment.end) {
                    socket.shutdownOutput(); // the FIN arrives after every byte written before close()
                    return;
                }
                int count = segment.remaining();
                // Stamped before the write: the server may answer before this thread runs again.
                serverClock.handedToServer(System.nanoTime());
                socketOutput.write(segment.bytes, segment.offset, count);
                socketOutput.flush();
                toServer.consumed(segment, count);
            }
        } catch (IOException e) {
            if (!closed) {
                sendFailure = e;
            }
        } finally {
            toServer.close();
            closeSocketQuietly();
        }
    }

    /** The receiver thread: server bytes are taken off the socket at once and queued until due. */
    private void receive() {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream socketInput = socket.getInputStream();
            while (true) {
                int read = socketInput.read(buffer);
                long arrived = System.nanoTime();
                if (read < 0) {
                    toClient.addEnd(downlink.deliveryTime(arrived, 0), null); // the FIN crosses the link too
                    return;
                }
                long workStart = serverClock.answerArrived(arrived);
                for (int offset = 0; offset < read; offset += DelayLine.SEGMENT_BYTES) {
                    int length = Math.min(DelayLine.SEGMENT_BYTES, read - offset);
                    long due = downlink.deliveryTime(arrived, length);
                    if (!toClient.add(due, Arrays.copyOfRange(buffer, offset, offset + length), workStart, arrived)) {
                        return; // the client closed the connection
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                toClient.addEnd(toClient.lastDue(System.nanoTime()), e);
            }
        }
    }

    private void closeSocketQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing after the FIN or after a failure: nothing more to release.
        }
    }

    private final class ShapedInput extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new SocketException("Socket closed");
            }
            if (len == 0) {
                return 0;
            }
            long timeout = readTimeoutNanos;
            long readStart = System.nanoTime();
            long deadline = readStart + (timeout == 0 ? FOREVER_NANOS : timeout);
            DeliveryQueue.Segment segment = toClient.awaitDue(deadline);
            if (segment == null) {
                if (closed) {
                    throw new SocketException("Socket closed");
                }
                throw new SocketTimeoutException("Read timed out after " + timeout / 1_000_000 + " ms (emulated link)");
            }
            if (segment.end) {
                if (segment.failure != null) {
                    throw new SocketException(segment.failure.getMessage());
                }
                return -1;
            }
            if (segment.offset == 0) {
                serverClock.waitedFor(readStart, System.nanoTime(), segment.workStartNanos, segment.arrivedNanos);
            }
            int count = Math.min(len, segment.remaining());
            System.arraycopy(segment.bytes, segment.offset, b, off, count);
            toClient.consumed(segment, count);
            return count;
        }

        @Override
        public int available() {
            return toClient.availableNow();
        }

        @Override
        public void close() throws IOException {
            EmulatedConnection.this.close();
        }
    }

    private final class ShapedOutput extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            synchronized (writeLock) {
                for (int start = off; start < off + len; start += DelayLine.SEGMENT_BYTES) {
                    if (closed) {
                        throw new SocketException("Socket closed");
                    }
                    IOException failure = sendFailure;
                    if (failure != null) {
                        throw new SocketException("the emulated link could not deliver to the server: "
                                + failure.getMessage());
                    }
                    int length = Math.min(DelayLine.SEGMENT_BYTES, off + len - start);
                    long due = uplink.deliveryTime(System.nanoTime(), length);
                    if (!toServer.add(due, Arrays.copyOfRange(b, start, start + length))) {
                        throw new SocketException("Socket closed");
                    }
                }
            }
        }

        @Override
        public void flush() {
            // Every write is already on its way: the link, not a buffer here, decides when it arrives.
        }

        @Override
        public void close() throws IOException {
            EmulatedConnection.this.close();
        }
    }
}
