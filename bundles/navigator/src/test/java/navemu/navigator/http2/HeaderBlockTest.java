package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A header block out of HEADERS and CONTINUATION frames (RFC 9113 §6.2, §6.10), from bytes as a server sends them. */
class HeaderBlockTest {
    private static final int HEADERS = 0x1, CONTINUATION = 0x9;

    /** The frames' bytes, for the reader to read what follows the HEADERS frame. */
    private static FrameReader following(Frame... frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(bytes, new FrameTrace());
        for (Frame frame : frames) {
            writer.send(frame);
        }
        try {
            writer.flush();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), Settings.OUR_MAX_FRAME_SIZE);
    }

    @Test
    void paddingAndPriorityAreRemovedAndContinuationsJoined() throws IOException {
        // PADDED (pad length 2) and PRIORITY (5 octets), then "ab", then 2 octets of padding.
        Frame headers = new Frame(HEADERS, Frame.PADDED | Frame.PRIORITY, 1, new byte[] {2, 0, 0, 0, 0, 15, 'a', 'b', 0, 0});
        List<Frame> frames = new ArrayList<>(List.of(headers));
        byte[] block = HeaderBlock.read(headers, following(new Frame(CONTINUATION, 0, 1, new byte[] {'c'}),
                new Frame(CONTINUATION, Frame.END_HEADERS, 1, new byte[] {'d', 'e'})), frames);
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 'e'}, block);
        assertEquals(3, frames.size(), "the CONTINUATION frames are kept for the trace");
    }

    @Test
    void paddingLongerThanThePayloadIsAProtocolError() {
        Frame headers = new Frame(HEADERS, Frame.PADDED | Frame.END_HEADERS, 1, new byte[] {5, 'a'});
        Http2Error e = assertThrows(Http2Error.class, () -> HeaderBlock.read(headers, following(), new ArrayList<>()));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code);
    }

    @Test
    void anotherFrameBetweenHeadersAndItsContinuationIsAProtocolError() {
        Frame headers = new Frame(HEADERS, 0, 1, new byte[] {'a'});
        Http2Error e = assertThrows(Http2Error.class, () -> HeaderBlock.read(headers,
                following(new Frame(CONTINUATION, Frame.END_HEADERS, 3, new byte[] {'b'})), new ArrayList<>()));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code, "a CONTINUATION of another stream");
    }

    @Test
    void aBlockPastTheLimitIsRefusedBeforeTheNextFrameIsJoined() {
        Frame headers = new Frame(HEADERS, 0, 1, new byte[16_000]);
        List<Frame> continuations = new ArrayList<>();
        for (int sum = 16_000; sum <= HeaderBlock.MAX_HEADER_BLOCK; sum += 16_000) {
            continuations.add(new Frame(CONTINUATION, 0, 1, new byte[16_000]));
        }
        List<Frame> frames = new ArrayList<>(List.of(headers));
        Http2Error e = assertThrows(Http2Error.class,
                () -> HeaderBlock.read(headers, following(continuations.toArray(Frame[]::new)), frames));
        assertEquals(ErrorCode.COMPRESSION_ERROR, e.code);
        assertEquals(1 + continuations.size(), frames.size(), "every frame read is there for the trace, the last one refused");
    }
}
