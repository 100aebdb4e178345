package navemu.tls.core.wire;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Writes the TLS presentation language (RFC 8446 §3). Nested vectors are written with
 * {@link #vector16(Consumer)} and friends, which fill in the length prefix afterwards, the way
 * Go's cryptobyte builder does.
 */
public final class WireWriter {
    /**
     * What is written so far: {@code buffer[0..count)}. A plain array, not a ByteArrayOutputStream,
     * whose every one-byte write takes a lock (a handshake writes thousands of them).
     */
    private byte[] buffer = new byte[64];
    private int count;

    public WireWriter u8(int v) {
        check(v, 0xff);
        room(1);
        buffer[count++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        check(v, 0xffff);
        room(2);
        buffer[count++] = (byte) (v >>> 8);
        buffer[count++] = (byte) v;
        return this;
    }

    public WireWriter u24(int v) {
        check(v, 0xffffff);
        room(3);
        buffer[count++] = (byte) (v >>> 16);
        buffer[count++] = (byte) (v >>> 8);
        buffer[count++] = (byte) v;
        return this;
    }

    public WireWriter u32(long v) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("not a uint32: " + v);
        }
        room(4);
        buffer[count++] = (byte) (v >>> 24);
        buffer[count++] = (byte) (v >>> 16);
        buffer[count++] = (byte) (v >>> 8);
        buffer[count++] = (byte) v;
        return this;
    }

    public WireWriter bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buffer, count, b.length);
        count += b.length;
        return this;
    }

    public WireWriter opaque8(byte[] b) {
        return u8(b.length).bytes(b);
    }

    public WireWriter opaque16(byte[] b) {
        return u16(b.length).bytes(b);
    }

    public WireWriter opaque24(byte[] b) {
        return u24(b.length).bytes(b);
    }

    public WireWriter vector8(Consumer<WireWriter> body) {
        return opaque8(build(body));
    }

    public WireWriter vector16(Consumer<WireWriter> body) {
        return opaque16(build(body));
    }

    public WireWriter vector24(Consumer<WireWriter> body) {
        return opaque24(build(body));
    }

    public int length() {
        return count;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, count);
    }

    public static byte[] build(Consumer<WireWriter> body) {
        WireWriter w = new WireWriter();
        body.accept(w);
        return w.toByteArray();
    }

    /** Makes room for {@code n} more bytes, doubling the buffer as ByteArrayOutputStream does. */
    private void room(int n) {
        if (n > buffer.length - count) {
            if (count + n < 0) {
                throw new IllegalStateException("a TLS structure cannot exceed 2 GB");
            }
            buffer = Arrays.copyOf(buffer, Math.max(count + n, buffer.length * 2));
        }
    }

    private static void check(int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("value " + v + " does not fit in " + Integer.toHexString(max));
        }
    }
}
