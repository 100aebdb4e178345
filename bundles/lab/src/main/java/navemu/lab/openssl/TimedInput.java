package navemu.lab.openssl;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child's output as a stream whose reads give up at a deadline. A reader thread moves the
 * process's bytes into a bounded queue (when it is full the thread waits, and so does the child:
 * what a peer makes s_server print cannot grow our memory); {@link #read()} takes from the queue
 * until the deadline set by {@link #deadline(long)}, then throws {@link SocketTimeoutException}.
 */
final class TimedInput extends InputStream {

    private static final byte[] END = new byte[0];
    private static final int CHUNKS = 64;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;
    private long deadlineNanos = Long.MAX_VALUE;

    /** Starts the daemon thread that copies {@code source} (the process's stdout) into the queue. */
    TimedInput(InputStream source, String threadName) {
        Thread reader = new Thread(() -> copy(source), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void copy(InputStream source) {
        byte[] buffer = new byte[4096];
        try (source) {
            int n;
            while ((n = source.read(buffer)) > 0) {
                byte[] chunk = new byte[n];
                System.arraycopy(buffer, 0, chunk, 0, n);
                chunks.put(chunk);
            }
        } catch (IOException e) {
            // the process ended or was destroyed: the stream ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Offer, not put: a reader that stopped reading must not keep this thread alive.
            chunks.offer(END);
        }
    }

    /** Reads from now on give up {@code nanosFromNow} from now. */
    void deadline(long nanosFromNow) {
        deadlineNanos = System.nanoTime() + nanosFromNow;
    }

    @Override
    public int read() throws IOException {
        if (position == current.length && !fill()) {
            return -1;
        }
        return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length && !fill()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        try {
            byte[] next = chunks.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new SocketTimeoutException("openssl s_server printed nothing more in time");
            }
            if (next == END) {
                ended = true;
                return false;
            }
            current = next;
            position = 0;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for openssl s_server", e);
        }
    }
}
