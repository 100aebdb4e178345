package navemu.navigator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body's first {@link Http11Client#PREVIEW_BYTES} bytes, kept as they arrive for the result's
 * preview and the {@code body} view, whatever protocol carried them.
 */
public final class BodyPreview {
    private final int capacity;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    public BodyPreview() {
        this(Http11Client.PREVIEW_BYTES);
    }

    BodyPreview(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps what of {@code data[offset, offset + length)} still fits. */
    public void add(byte[] data, int offset, int length) {
        int keep = (int) Math.min(length, capacity - kept.size());
        if (keep > 0) {
            kept.write(data, offset, keep);
        }
    }

    /** How many bytes {@link #text()} decodes. */
    public int bytes() {
        return kept.size();
    }

    public String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
