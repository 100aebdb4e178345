package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The server's SETTINGS values checked as RFC 9113 §6.5.2 says, and applied where they belong. */
class PeerSettingsTest {
    private final FlowControl flow = new FlowControl(true);
    private final PeerSettings settings = new PeerSettings(new HeaderCodec(), flow);

    private static Frame settingsFrame(int id, int value) {
        return FrameWriter.settings(new int[][] {{id, value}});
    }

    private ErrorCode refused(int id, int value) {
        Http2Error e = assertThrows(Http2Error.class, () -> settings.apply(settingsFrame(id, value)));
        assertFalse(e.streamOnly, "a bad setting is a connection error");
        return e.code;
    }

    @Test
    void maxFrameSizeIsTakenWithinItsBounds() throws Http2Error {
        assertEquals(16_384, settings.maxFrameSize(), "the default until the server says otherwise");
        settings.apply(settingsFrame(Settings.MAX_FRAME_SIZE, 16_777_215));
        assertEquals(16_777_215, settings.maxFrameSize());
        assertEquals(ErrorCode.PROTOCOL_ERROR, refused(Settings.MAX_FRAME_SIZE, 16_383));
        assertEquals(ErrorCode.PROTOCOL_ERROR, refused(Settings.MAX_FRAME_SIZE, 16_777_216));
    }

    @Test
    void anInitialWindowAboveTwoToThe31MinusOneIsAFlowControlError() throws Http2Error {
        assertEquals(ErrorCode.FLOW_CONTROL_ERROR, refused(Settings.INITIAL_WINDOW_SIZE, 0x80000000));
        settings.apply(settingsFrame(Settings.INITIAL_WINDOW_SIZE, 0x7fffffff)); // the largest allowed
    }

    @Test
    void theInitialWindowIsWhatTheNextStreamMaySend() throws Http2Error {
        settings.apply(settingsFrame(Settings.INITIAL_WINDOW_SIZE, 100_000));
        flow.creditConnection(1_000_000);
        flow.openStream(1);
        assertEquals(100_000, flow.sendRoom(Integer.MAX_VALUE));
    }

    @Test
    void enablePushMayOnlyBeZeroOrOne() throws Http2Error {
        settings.apply(settingsFrame(Settings.ENABLE_PUSH, 1));
        assertEquals(ErrorCode.PROTOCOL_ERROR, refused(Settings.ENABLE_PUSH, 2));
    }

    @Test
    void unknownSettingsAreIgnored() throws Http2Error {
        settings.apply(FrameWriter.settings(new int[][] {{0x3, 1}, {0x8, 1}, {0xabcd, 99}}));
        assertEquals(16_384, settings.maxFrameSize());
    }
}
