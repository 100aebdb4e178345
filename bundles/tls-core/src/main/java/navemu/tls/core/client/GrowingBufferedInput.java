package navemu.tls.core.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link java.io.BufferedInputStream} (without mark) whose buffer starts small and grows on
 * demand up to {@code limit}: it doubles only when a read from the connection filled it, that is
 * when the peer had more to give than fitted, so a handshake's few kilobytes never cost a
 * full-size buffer while bulk data still arrives in reads of up to {@code limit} bytes. A read
 * of at least the current buffer's size with nothing buffered goes straight to the connection,
 * as in {@code BufferedInputStream}.
 */
final class GrowingBufferedInput extends InputStream {
    private final InputStream in;
    private final int limit;
    private byte[] buffer;
    private int position;
    private int count;

    GrowingBufferedInput(InputStream in, int initial, int limit) {
        this.in = in;
        this.limit = limit;
        this.buffer = new byte[Math.min(initial, limit)];
    }

    /** The buffer's current size: at most the limit. */
    int capacity() {
        return buffer.length;
    }

    @Override
    public int read() throws IOException {
        if (position >= count && fill() <= 0) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= count) {
            if (len >= buffer.length) {
                return in.read(b, off, len);
            }
            if (fill() <= 0) {
                return -1;
            }
        }
        int n = Math.min(len, count - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (count - position) + in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads once from the connection into the empty buffer, first doubling it if the last read filled it. */
    private int fill() throws IOException {
        if (count == buffer.length && buffer.length < limit) {
            buffer = new byte[Math.min(limit, buffer.length * 2)];
        }
        position = 0;
        count = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n > 0) {
            count = n;
        }
        return n;
    }
}
