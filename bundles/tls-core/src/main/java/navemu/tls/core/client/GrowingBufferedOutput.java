package navemu.tls.core.client;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link java.io.BufferedOutputStream} whose buffer starts small and grows on demand up to
 * {@code limit}: a handshake flight (a ClientHello, a Finished) needs a few hundred bytes, so a
 * connection no longer pays for a full-size buffer it never fills. Bytes reach the underlying
 * stream exactly when they would through a {@code BufferedOutputStream} of size {@code limit}:
 * on {@link #flush}, or when the next write would not fit within the limit.
 */
final class GrowingBufferedOutput extends OutputStream {
    private final OutputStream out;
    private final int limit;
    private byte[] buffer;
    private int count;

    GrowingBufferedOutput(OutputStream out, int initial, int limit) {
        this.out = out;
        this.limit = limit;
        this.buffer = new byte[Math.min(initial, limit)];
    }

    /** The buffer's current size: at most the limit. */
    int capacity() {
        return buffer.length;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= limit) {
            // As BufferedOutputStream: what cannot be buffered goes straight out, after what was.
            flushBuffer();
            out.write(b, off, len);
            return;
        }
        if (len > limit - count) {
            flushBuffer();
        }
        if (count + len > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.min(limit, Math.max(count + len, buffer.length * 2)));
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }
}
