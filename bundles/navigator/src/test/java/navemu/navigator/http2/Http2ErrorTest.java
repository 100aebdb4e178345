package navemu.navigator.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import navemu.api.NetError;

/** Which frame answers an error, its code, and the net error Chromium ends the request with. */
class Http2ErrorTest {

    @Test
    void aConnectionErrorIsAnsweredWithGoAwayAndAStreamErrorWithRstStream() {
        assertFalse(Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "x").streamOnly);
        assertTrue(Http2Error.stream(ErrorCode.PROTOCOL_ERROR, "x").streamOnly);
    }

    @Test
    void theNetErrorFollowsTheCodeAsInChromium() {
        assertEquals(NetError.ERR_HTTP2_FRAME_SIZE_ERROR, Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "x").netError);
        assertEquals(NetError.ERR_HTTP2_FLOW_CONTROL_ERROR, Http2Error.stream(ErrorCode.FLOW_CONTROL_ERROR, "x").netError);
        assertEquals(NetError.ERR_HTTP2_COMPRESSION_ERROR, Http2Error.connection(ErrorCode.COMPRESSION_ERROR, "x").netError);
        assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, Http2Error.connection(ErrorCode.STREAM_CLOSED, "x").netError);
        assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, Http2Error.stream(ErrorCode.PROTOCOL_ERROR, "x").netError);
        assertEquals(NetError.ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY, Http2Error.netErrorFor(ErrorCode.INADEQUATE_SECURITY));
    }

    @Test
    void aResetFromTheServerIsAProtocolErrorUnlessItRefusedTheStreamOrWantsHttp11() {
        assertEquals(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, Http2Error.forResetByServer(ErrorCode.REFUSED_STREAM));
        assertEquals(NetError.ERR_HTTP_1_1_REQUIRED, Http2Error.forResetByServer(ErrorCode.HTTP_1_1_REQUIRED));
        // Unlike an error we find: the server's FLOW_CONTROL_ERROR or NO_ERROR mid-response is Chromium's protocol error.
        assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, Http2Error.forResetByServer(ErrorCode.FLOW_CONTROL_ERROR));
        assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, Http2Error.forResetByServer(ErrorCode.NO_ERROR));
        assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR, Http2Error.forResetByServer(ErrorCode.of(0x77)), "an unknown code");
    }
}
