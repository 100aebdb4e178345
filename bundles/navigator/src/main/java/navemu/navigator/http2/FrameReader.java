package navemu.navigator.http2;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads frames (RFC 9113 §4.1) off the connection. A frame longer than our
 * SETTINGS_MAX_FRAME_SIZE is refused before its payload is read (§4.2: FRAME_SIZE_ERROR), so a
 * peer cannot make us buffer more than one allowed frame.
 */
final class FrameReader {
    private final InputStream in;
    private final int maxFrameSize;

    FrameReader(InputStream in, int maxFrameSize) {
        this.in = in;
        this.maxFrameSize = maxFrameSize;
    }

    /** The next frame; EOFException when the server closed the connection between frames. */
    Frame read() throws IOException {
        byte[] header = new byte[Frame.HEADER_LENGTH];
        int first = in.read(header, 0, header.length);
        if (first < 0) {
            throw new EOFException("the server closed the connection");
        }
        readFully(header, first, header.length - first);
        int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        int type = header[3] & 0xff;
        int flags = header[4] & 0xff;
        // §4.1: the reserved bit is ignored on receipt.
        int streamId = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8) | (header[8] & 0xff);
        if (length > maxFrameSize) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "the server sent a " + typeName(type) + " frame of "
                    + length + " octets; our SETTINGS_MAX_FRAME_SIZE is " + maxFrameSize);
        }
        byte[] payload = new byte[length];
        readFully(payload, 0, length);
        return new Frame(type, flags, streamId, payload);
    }

    private void readFully(byte[] buffer, int offset, int length) throws IOException {
        while (length > 0) {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw new EOFException("the server closed the connection in the middle of a frame");
            }
            offset += n;
            length -= n;
        }
    }

    private static String typeName(int type) {
        FrameType known = FrameType.of(type);
        return known == null ? String.format("0x%02x", type) : known.name();
    }
}
