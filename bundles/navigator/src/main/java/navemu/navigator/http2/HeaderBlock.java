package navemu.navigator.http2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A header block as the server sends it (RFC 9113 §4.3): the fragment in a HEADERS frame, without
 * its padding and priority fields (§6.2), joined with the CONTINUATION frames that must follow it
 * straight away on the same stream (§6.10). A block larger than {@link #MAX_HEADER_BLOCK} is
 * refused before the rest is read: a CONTINUATION flood must not fill memory.
 */
final class HeaderBlock {
    /** A header block (HEADERS and its CONTINUATIONs) larger than this is refused unread: a CONTINUATION flood. */
    static final int MAX_HEADER_BLOCK = Settings.OUR_MAX_HEADER_LIST_SIZE;

    private HeaderBlock() {
    }

    /**
     * @param headers the HEADERS frame
     * @param frames  where the CONTINUATION frames read are added, for the trace (HEADERS is already there)
     * @return the whole block, for the HPACK decoder
     */
    static byte[] read(Frame headers, FrameReader reader, List<Frame> frames) throws IOException {
        byte[] p = headers.payload();
        int start = 0;
        int padding = 0;
        if (headers.has(Frame.PADDED)) {
            if (p.length < 1) {
                throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a PADDED HEADERS frame without its Pad Length");
            }
            padding = p[0] & 0xff;
            start = 1;
        }
        if (headers.has(Frame.PRIORITY)) {
            start += 5;
        }
        if (start + padding > p.length) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "HEADERS padding longer than its payload (RFC 9113 §6.2)");
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(p, start, p.length - start - padding);
        boolean end = headers.has(Frame.END_HEADERS);
        while (!end) {
            Frame next = reader.read();
            frames.add(next);
            if (next.frameType() != FrameType.CONTINUATION || next.streamId() != headers.streamId()) {
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "a " + next.typeName() + " frame on stream "
                        + next.streamId() + " where the CONTINUATION of stream " + headers.streamId()
                        + "'s header block must come (RFC 9113 §6.10)");
            }
            if (block.size() + next.length() > MAX_HEADER_BLOCK) {
                throw Http2Error.connection(ErrorCode.COMPRESSION_ERROR, "the header block of stream " + headers.streamId()
                        + " passes " + MAX_HEADER_BLOCK + " octets in CONTINUATION frames: navemu stops reading it"
                        + " (a CONTINUATION flood)");
            }
            block.write(next.payload(), 0, next.length());
            end = next.has(Frame.END_HEADERS);
        }
        return block.toByteArray();
    }
}
