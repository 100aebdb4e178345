package navemu.navigator.http;

import java.io.IOException;
import java.io.InputStream;

import navemu.api.NetError;

/**
 * Counts the body's bytes and keeps its first ones for a preview, reading at most {@code limit}
 * bytes in all: past that the rest is left unread and the body is marked truncated.
 */
final class BodyReader {
    private final InputStream in;
    private final long limit;
    private final BodyPreview preview;
    private long length;
    private boolean truncated;

    BodyReader(InputStream in, long limit, int previewBytes) {
        this.in = in;
        this.limit = limit;
        this.preview = new BodyPreview(previewBytes);
    }

    /**
     * Reads {@code count} body bytes, or until the stream ends when {@code count} is -1 (a body
     * delimited by close). Stops at the limit and marks the body truncated when more was coming.
     *
     * @throws HttpProtocolException ERR_CONNECTION_CLOSED when the stream ends before {@code count} bytes
     */
    void copy(long count) throws IOException {
        byte[] buffer = new byte[8192];
        long remaining = count < 0 ? Long.MAX_VALUE : count;
        while (remaining > 0) {
            if (length >= limit) {
                truncated = count >= 0 || in.read() >= 0; // at close-delimited end, one more byte says "more"
                return;
            }
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(remaining, limit - length)));
            if (n < 0) {
                if (count >= 0) {
                    throw new HttpProtocolException(NetError.ERR_CONNECTION_CLOSED,
                            "the connection closed " + remaining + " bytes before the end of the body");
                }
                return;
            }
            preview.add(buffer, 0, n);
            length += n;
            remaining -= n;
        }
    }

    /** True once the limit is reached: nothing more is read. */
    boolean full() {
        return length >= limit;
    }

    void markTruncated() {
        truncated = true;
    }

    long length() {
        return length;
    }

    boolean truncated() {
        return truncated;
    }

    long limit() {
        return limit;
    }

    int previewLength() {
        return preview.bytes();
    }

    String preview() {
        return preview.text();
    }
}
