package navemu.tls.core.wire;

import java.util.Arrays;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * Reads the TLS presentation language (RFC 8446 §3): big-endian integers and vectors with
 * 1-, 2- or 3-byte length prefixes. Every read is bounds-checked; running off the end is a
 * {@code decode_error}, as RFC 8446 §6.2 asks for "a message could not be decoded".
 */
public final class WireReader {
    private final byte[] data;
    private final int end;
    private int position;
    private final String what;

    public WireReader(byte[] data, String what) {
        this(data, 0, data.length, what);
    }

    private WireReader(byte[] data, int start, int end, String what) {
        this.data = data;
        this.position = start;
        this.end = end;
        this.what = what;
    }

    public int remaining() {
        return end - position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    public int u8() throws TlsAlertException {
        need(1);
        return data[position++] & 0xff;
    }

    public int u16() throws TlsAlertException {
        need(2);
        int v = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return v;
    }

    public int u24() throws TlsAlertException {
        need(3);
        int v = ((data[position] & 0xff) << 16) | ((data[position + 1] & 0xff) << 8) | (data[position + 2] & 0xff);
        position += 3;
        return v;
    }

    public long u32() throws TlsAlertException {
        need(4);
        long v = ((long) (data[position] & 0xff) << 24) | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8) | (data[position + 3] & 0xff);
        position += 4;
        return v;
    }

    public byte[] bytes(int length) throws TlsAlertException {
        need(length);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    /** {@code opaque x<0..2^8-1>}. */
    public byte[] opaque8() throws TlsAlertException {
        return bytes(u8());
    }

    /** {@code opaque x<0..2^16-1>}. */
    public byte[] opaque16() throws TlsAlertException {
        return bytes(u16());
    }

    /** {@code opaque x<0..2^24-1>}. */
    public byte[] opaque24() throws TlsAlertException {
        return bytes(u24());
    }

    /** A reader over the next {@code length} bytes (a nested vector); this reader skips past them. */
    public WireReader sub(int length, String part) throws TlsAlertException {
        need(length);
        WireReader inner = new WireReader(data, position, position + length, what + " " + part);
        position += length;
        return inner;
    }

    public WireReader vector8(String part) throws TlsAlertException {
        return sub(u8(), part);
    }

    public WireReader vector16(String part) throws TlsAlertException {
        return sub(u16(), part);
    }

    public WireReader vector24(String part) throws TlsAlertException {
        return sub(u24(), part);
    }

    /** Every byte must have been consumed: trailing bytes are a decode_error too. */
    public void expectEnd() throws TlsAlertException {
        if (position != end) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    what + ": " + (end - position) + " unexpected trailing bytes");
        }
    }

    private void need(int n) throws TlsAlertException {
        if (n < 0 || end - position < n) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    what + ": needs " + n + " more bytes, only " + (end - position) + " left");
        }
    }
}
