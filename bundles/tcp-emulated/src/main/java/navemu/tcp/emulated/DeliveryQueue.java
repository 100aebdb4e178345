package navemu.tcp.emulated;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Segments in flight in one direction, in order, each with the moment it may be delivered: a
 * delay queue whose delivery times never go backwards (see {@link DelayLine}). One thread adds,
 * one thread delivers.
 *
 * <p>It holds at most about {@code limitBytes} that are not yet delivered; the adding side then
 * waits, as a writer waits on a full socket buffer, so a slow link pushes back on a fast sender
 * instead of filling the heap.
 */
final class DeliveryQueue {

    /** A piece of the byte stream, the end of it (FIN, {@code failure} null), or an error that ends it. */
    static final class Segment {
        final long dueNanos;
        final byte[] bytes;
        int offset;
        final boolean end;
        final IOException failure;
        /** From the server's side: when it started working on these bytes, and when they came off its socket. */
        final long workStartNanos;
        final long arrivedNanos;

        private Segment(long dueNanos, byte[] bytes, boolean end, IOException failure, long workStartNanos,
                        long arrivedNanos) {
            this.dueNanos = dueNanos;
            this.bytes = bytes;
            this.end = end;
            this.failure = failure;
            this.workStartNanos = workStartNanos;
            this.arrivedNanos = arrivedNanos;
        }

        int remaining() {
            return bytes.length - offset;
        }
    }

    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long limitBytes;
    private long queuedBytes;
    private boolean closed;

    DeliveryQueue(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Adds bytes due at {@code dueNanos}, waiting while the queue is full. Returns false when closed. */
    boolean add(long dueNanos, byte[] bytes) throws InterruptedIOException {
        return add(dueNanos, bytes, dueNanos, dueNanos);
    }

    /** {@link #add(long, byte[])} for the server's bytes, with the stretch the server worked on them (see {@link ServerClock}). */
    boolean add(long dueNanos, byte[] bytes, long workStartNanos, long arrivedNanos) throws InterruptedIOException {
        lock.lock();
        try {
            while (!closed && queuedBytes > 0 && queuedBytes + bytes.length > limitBytes) {
                changed.await();
            }
            if (closed) {
                return false;
            }
            segments.addLast(new Segment(dueNanos, bytes, false, null, workStartNanos, arrivedNanos));
            queuedBytes += bytes.length;
            changed.signalAll();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the emulated link was full");
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream at {@code dueNanos}: a FIN when {@code failure} is null, else that error. */
    void addEnd(long dueNanos, IOException failure) {
        lock.lock();
        try {
            if (!closed) {
                segments.addLast(new Segment(dueNanos, new byte[0], true, failure, dueNanos, dueNanos));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first segment once it is due (left in the queue: take its bytes with {@link #consumed}),
     * or null when {@code deadlineNanos} passes first or the queue is closed.
     */
    Segment awaitDue(long deadlineNanos) throws InterruptedIOException {
        lock.lock();
        try {
            while (!closed) {
                Segment head = segments.peekFirst();
                long now = System.nanoTime();
                long wakeAt = head == null ? deadlineNanos : Math.min(head.dueNanos, deadlineNanos);
                if (head != null && head.dueNanos - now <= 0) {
                    return head;
                }
                if (deadlineNanos - now <= 0) {
                    return null;
                }
                changed.awaitNanos(wakeAt - now);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the emulated link");
        } finally {
            lock.unlock();
        }
    }

    /** The bytes of the first segment that are due now, without waiting. */
    int availableNow() {
        lock.lock();
        try {
            Segment head = segments.peekFirst();
            return head != null && !head.end && head.dueNanos - System.nanoTime() <= 0 ? head.remaining() : 0;
        } finally {
            lock.unlock();
        }
    }

    /** Marks {@code count} bytes of {@code segment} (the head) delivered, dropping it when done. */
    void consumed(Segment segment, int count) {
        lock.lock();
        try {
            segment.offset += count;
            queuedBytes -= count;
            if (segment.remaining() == 0 && !segment.end && segments.peekFirst() == segment) {
                segments.removeFirst();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The due time of the last segment queued, or {@code fallback} when none is waiting. */
    long lastDue(long fallback) {
        lock.lock();
        try {
            Segment last = segments.peekLast();
            return last == null ? fallback : Math.max(fallback, last.dueNanos);
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything and wakes both sides; adding and waiting then return at once. */
    void close() {
        lock.lock();
        try {
            closed = true;
            segments.clear();
            queuedBytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
