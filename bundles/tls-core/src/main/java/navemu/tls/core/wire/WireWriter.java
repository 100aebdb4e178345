package navemu.tls.core.wire;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Writes the TLS presentation language (RFC 8446 §3). Nested vectors are written with
 * {@link #vector16(Consumer)} and friends, which fill in the length prefix afterwards, the way
 * Go's cryptobyte builder does.
 */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public WireWriter u8(int v) {
        check(v, 0xff);
        out.write(v);
        return this;
    }

    public WireWriter u16(int v) {
        check(v, 0xffff);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public WireWriter u24(int v) {
        check(v, 0xffffff);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public WireWriter u32(long v) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("not a uint32: " + v);
        }
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    public WireWriter bytes(byte[] b) {
        out.writeBytes(b);
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
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public static byte[] build(Consumer<WireWriter> body) {
        WireWriter w = new WireWriter();
        body.accept(w);
        return w.toByteArray();
    }

    private static void check(int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("value " + v + " does not fit in " + Integer.toHexString(max));
        }
    }
}
