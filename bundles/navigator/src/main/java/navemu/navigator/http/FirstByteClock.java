package navemu.navigator.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Notes when the first byte of the response arrives, so the HTTP step can be split the way
 * DevTools and HAR split it: send, wait (time to first byte), receive.
 */
public final class FirstByteClock extends FilterInputStream {
    private long firstByteNanos;

    public FirstByteClock(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        mark(b >= 0);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        mark(n > 0);
        return n;
    }

    private void mark(boolean gotBytes) {
        if (gotBytes && firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    /** Starts counting for the next response on the same connection. */
    public void restart() {
        firstByteNanos = 0;
    }

    /** {@link System#nanoTime()} of the first byte, or 0 when none came. */
    public long firstByteNanos() {
        return firstByteNanos;
    }
}
