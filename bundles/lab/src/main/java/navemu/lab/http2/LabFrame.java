package navemu.lab.http2;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One HTTP/2 frame (RFC 9113 §4.1) as the lab's responder reads and writes it: the 9-octet header
 * and the payload. Small on purpose: the lab needs enough HTTP/2 to answer a browser, not all of it.
 */
record LabFrame(int type, int flags, int streamId, byte[] payload) {
    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int PUSH_PROMISE = 0x5;
    static final int PING = 0x6;
    static final int GOAWAY = 0x7;
    static final int WINDOW_UPDATE = 0x8;
    static final int CONTINUATION = 0x9;

    static final int END_STREAM = 0x1;
    static final int ACK = 0x1;
    static final int END_HEADERS = 0x4;
    static final int PADDED = 0x8;
    static final int PRIORITY = 0x20;

    /** The largest frame either side may send until SETTINGS_MAX_FRAME_SIZE says more (§4.2). */
    static final int MAX_FRAME_SIZE = 16_384;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    long uint32(int offset) {
        return ((payload[offset] & 0xffL) << 24) | ((payload[offset + 1] & 0xffL) << 16)
                | ((payload[offset + 2] & 0xffL) << 8) | (payload[offset + 3] & 0xffL);
    }

    /** The next frame; null when the client closed the connection between frames. */
    static LabFrame read(InputStream in) throws IOException {
        byte[] header = new byte[9];
        int first = in.read(header, 0, 9);
        if (first < 0) {
            return null;
        }
        readFully(in, header, first, 9 - first);
        int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        if (length > MAX_FRAME_SIZE) {
            throw new Http2ProtocolException(0x6, "a frame of " + length + " octets (FRAME_SIZE_ERROR)");
        }
        int streamId = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8) | (header[8] & 0xff);
        byte[] payload = new byte[length];
        readFully(in, payload, 0, length);
        return new LabFrame(header[3] & 0xff, header[4] & 0xff, streamId, payload);
    }

    static void readFully(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        while (length > 0) {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw new EOFException("the client closed the connection in the middle of a frame");
            }
            offset += n;
            length -= n;
        }
    }

    void writeTo(OutputStream out) throws IOException {
        int length = payload.length;
        out.write(new byte[] {(byte) (length >>> 16), (byte) (length >>> 8), (byte) length, (byte) type, (byte) flags,
                (byte) (streamId >>> 24), (byte) (streamId >>> 16), (byte) (streamId >>> 8), (byte) streamId});
        out.write(payload);
    }

    static LabFrame uint32Frame(int type, int streamId, long value) {
        return new LabFrame(type, 0, streamId, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** A connection error the lab answers with GOAWAY carrying {@code code} (RFC 9113 §5.4.1). */
    static final class Http2ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;
        final int code;

        Http2ProtocolException(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
