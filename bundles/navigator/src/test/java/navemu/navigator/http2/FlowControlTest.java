package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;

/** The window arithmetic of RFC 9113 §6.9, both ways, without a connection. */
class FlowControlTest {
    private static final long MAX = 0x7fffffffL; // 2^31-1
    private static final int FRAME = 16_384;

    private static FlowControl streamOpen(boolean replenish) {
        FlowControl flow = new FlowControl(replenish);
        flow.openStream(1);
        return flow;
    }

    @Test
    void whatWeSendIsBoundByTheSmallerWindowAndOneFrame() {
        FlowControl flow = streamOpen(true);
        assertEquals(FRAME, flow.sendRoom(FRAME), "both windows start at 65,535, more than a frame");
        flow.sent(60_000);
        assertEquals(5_535, flow.sendRoom(FRAME));
        flow.sent(5_535);
        assertEquals(0, flow.sendRoom(FRAME), "the default windows are used up");
    }

    @Test
    void aConnectionCreditUpToTwoToThe31MinusOneIsAllowedAndOneOctetMoreIsAFlowControlError() throws Http2Error {
        FlowControl flow = streamOpen(true);
        flow.creditConnection(MAX - 65_535); // the window is now exactly 2^31-1
        Http2Error e = assertThrows(Http2Error.class, () -> flow.creditConnection(1));
        assertEquals(ErrorCode.FLOW_CONTROL_ERROR, e.code);
        assertFalse(e.streamOnly, "the connection's window: a connection error, GOAWAY");
        assertEquals(NetError.ERR_HTTP2_FLOW_CONTROL_ERROR, e.netError);
    }

    @Test
    void aStreamCreditPastTwoToThe31MinusOneResetsOnlyTheStream() throws Http2Error {
        FlowControl flow = streamOpen(true);
        flow.creditStream(MAX - 65_535);
        Http2Error e = assertThrows(Http2Error.class, () -> flow.creditStream(1));
        assertEquals(ErrorCode.FLOW_CONTROL_ERROR, e.code);
        assertTrue(e.streamOnly, "a stream's window: RST_STREAM, the connection goes on");
        assertEquals(NetError.ERR_HTTP2_FLOW_CONTROL_ERROR, e.netError);
        assertTrue(e.getMessage().contains("stream 1"), e.getMessage());
    }

    @Test
    void aWindowUpdateOfZeroIsAProtocolErrorOfItsStream() {
        FlowControl flow = streamOpen(true);
        Http2Error onConnection = assertThrows(Http2Error.class, () -> flow.creditConnection(0));
        assertEquals(ErrorCode.PROTOCOL_ERROR, onConnection.code);
        assertFalse(onConnection.streamOnly);
        Http2Error onStream = assertThrows(Http2Error.class, () -> flow.creditStream(0));
        assertEquals(ErrorCode.PROTOCOL_ERROR, onStream.code);
        assertTrue(onStream.streamOnly);
    }

    @Test
    void creditOpensBothWindowsForSending() throws Http2Error {
        FlowControl flow = streamOpen(true);
        flow.sent(65_535);
        flow.creditStream(100);
        assertEquals(0, flow.sendRoom(FRAME), "the connection's window is still closed");
        flow.creditConnection(1_000);
        assertEquals(100, flow.sendRoom(FRAME), "now the stream's is the smaller");
    }

    @Test
    void aNewInitialWindowChangesTheOpenStreamByTheDifferenceEvenBelowZero() throws Http2Error {
        FlowControl flow = streamOpen(true);
        flow.creditConnection(1_000_000);
        flow.sent(60_000);                // stream window 5,535
        flow.peerInitialWindow(1_000);    // §6.9.2: 5,535 + (1,000 - 65,535) = -59,000
        assertEquals(-59_000, flow.sendRoom(FRAME));
        flow.creditStream(59_100);
        assertEquals(100, flow.sendRoom(FRAME));
        flow.openStream(3);
        assertEquals(1_000, flow.sendRoom(FRAME), "a new stream starts with the server's new initial window");
    }

    @Test
    void aNewInitialWindowThatTakesTheOpenStreamPastTwoToThe31MinusOneIsAConnectionFlowControlError() throws Http2Error {
        FlowControl flow = streamOpen(true);
        flow.creditStream(MAX - 65_535);                  // the stream's window is 2^31-1
        flow.peerInitialWindow(65_535);                   // no change: allowed
        Http2Error e = assertThrows(Http2Error.class, () -> flow.peerInitialWindow(65_536));
        assertEquals(ErrorCode.FLOW_CONTROL_ERROR, e.code);
        assertFalse(e.streamOnly, "RFC 9113 §6.9.2: a connection error, as Chromium's SpdySession drains the session");
        assertEquals(NetError.ERR_HTTP2_FLOW_CONTROL_ERROR, e.netError);
    }

    @Test
    void dataPastTheConnectionsWindowIsAConnectionFlowControlError() throws Http2Error {
        FlowControl flow = streamOpen(false);
        long connectionWindow = FlowControl.OUR_CONNECTION_WINDOW;
        assertEquals(15_728_640, connectionWindow, "Chrome's 15 MiB");
        flow.receivedOnConnection(connectionWindow - 10);
        assertDoesNotThrow(() -> flow.receivedOnConnection(10), "exactly the window is allowed");
        Http2Error e = assertThrows(Http2Error.class, () -> flow.receivedOnConnection(1));
        assertEquals(ErrorCode.FLOW_CONTROL_ERROR, e.code);
        assertFalse(e.streamOnly);
    }

    @Test
    void dataPastTheStreamsWindowEndsTheConnectionToo() throws Http2Error {
        FlowControl flow = streamOpen(false);
        flow.receivedOnStream(Settings.OUR_INITIAL_WINDOW_SIZE);
        Http2Error e = assertThrows(Http2Error.class, () -> flow.receivedOnStream(1));
        assertEquals(ErrorCode.FLOW_CONTROL_ERROR, e.code);
        assertFalse(e.streamOnly, "RFC 9113 §6.9.1: a connection error, as Chromium treats it");
    }

    @Test
    void chromesRuleGivesCreditBackOnceHalfAWindowIsUsed() throws Http2Error {
        FlowControl flow = streamOpen(true);
        int half = Settings.OUR_INITIAL_WINDOW_SIZE / 2;
        flow.receivedOnConnection(half - 1);
        flow.receivedOnStream(half - 1);
        assertEquals(List.of(), flow.windowUpdates(), "less than half of the stream's window used");
        flow.receivedOnConnection(1);
        flow.receivedOnStream(1);
        List<Frame> updates = flow.windowUpdates();
        assertEquals(1, updates.size(), "the stream's half is reached, the connection's (7.5 MiB) not");
        assertEquals(1, updates.get(0).streamId());
        assertEquals(half, updates.get(0).uint32(0));
        // The stream's window is whole again: another full window is accepted.
        flow.receivedOnStream(Settings.OUR_INITIAL_WINDOW_SIZE);
        flow.receivedOnConnection(FlowControl.OUR_CONNECTION_WINDOW / 2 - half);
        List<Frame> next = flow.windowUpdates();
        assertEquals(List.of(1, 0), next.stream().map(Frame::streamId).toList(), "the stream's first, then the connection's");
        assertEquals(Settings.OUR_INITIAL_WINDOW_SIZE, next.get(0).uint32(0));
        assertEquals(FlowControl.OUR_CONNECTION_WINDOW / 2, next.get(1).uint32(0));
    }

    @Test
    void aClientThatDoesNotReplenishSendsNoWindowUpdate() throws Http2Error {
        FlowControl flow = streamOpen(false);
        flow.receivedOnConnection(Settings.OUR_INITIAL_WINDOW_SIZE);
        flow.receivedOnStream(Settings.OUR_INITIAL_WINDOW_SIZE);
        assertEquals(List.of(), flow.windowUpdates());
    }
}
