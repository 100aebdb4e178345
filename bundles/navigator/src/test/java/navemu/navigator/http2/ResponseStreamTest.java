package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One stream's response put together from its header blocks (RFC 9113 §8.1). */
class ResponseStreamTest {

    @Test
    void anInterimHeadIsSkippedAndTrailersAreNotedWhenTheyEndTheStream() throws Http2Error {
        ResponseStream stream = new ResponseStream(1);
        stream.headerBlock(List.of(Map.entry(":status", "103"), Map.entry("link", "</a>")), false);
        assertFalse(stream.hasHead(), "a 103 is not the response");
        stream.headerBlock(List.of(Map.entry(":status", "200")), false);
        assertEquals(200, stream.status);
        assertFalse(stream.ended);
        stream.headerBlock(List.of(Map.entry("grpc-status", "0")), true);
        assertTrue(stream.ended);
        assertEquals(List.of("interim response 103 read and skipped", "trailer fields: grpc-status: 0"), stream.notes);
    }

    @Test
    void aSecondHeaderBlockThatDoesNotEndTheStreamResetsIt() throws Http2Error {
        ResponseStream stream = new ResponseStream(3);
        stream.headerBlock(List.of(Map.entry(":status", "200")), false);
        Http2Error e = assertThrows(Http2Error.class, () -> stream.headerBlock(List.of(Map.entry("x-t", "1")), false));
        assertTrue(e.streamOnly);
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code);
        assertTrue(e.getMessage().contains("stream 3"), e.getMessage());
    }
}
