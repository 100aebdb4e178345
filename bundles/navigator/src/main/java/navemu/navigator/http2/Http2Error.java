package navemu.navigator.http2;

import java.io.IOException;

import navemu.api.NetError;

/**
 * An HTTP/2 error found in what the server sent (RFC 9113 §5.4), and the rules that say what
 * follows from it: the frame we answer with (GOAWAY for a connection error, RST_STREAM for a
 * stream error), the code it carries, and the net error Chromium ends the request with.
 *
 * <p>Where each rule is broken is said where it is checked, with the RFC's section; which error
 * Chromium gives for a code is said only here.
 */
final class Http2Error extends IOException {
    private static final long serialVersionUID = 1L;

    final ErrorCode code;
    final NetError netError;
    /** A stream error: only the stream is reset, the connection stays usable. */
    final boolean streamOnly;

    private Http2Error(ErrorCode code, boolean streamOnly, String message) {
        super(message);
        this.code = code;
        this.netError = netErrorFor(code);
        this.streamOnly = streamOnly;
    }

    /** A connection error (§5.4.1): GOAWAY with {@code code}; no request goes on the connection again. */
    static Http2Error connection(ErrorCode code, String message) {
        return new Http2Error(code, false, message);
    }

    /** A stream error (§5.4.2): RST_STREAM with {@code code} on our stream; the connection goes on. */
    static Http2Error stream(ErrorCode code, String message) {
        return new Http2Error(code, true, message);
    }

    /**
     * Chromium's mapping of an HTTP/2 error code to a net error (net/spdy/spdy_session.cc): the
     * framer's size, flow-control and HPACK errors have their own codes, the rest is a protocol error.
     */
    static NetError netErrorFor(ErrorCode code) {
        return switch (code) {
            case FRAME_SIZE_ERROR -> NetError.ERR_HTTP2_FRAME_SIZE_ERROR;
            case FLOW_CONTROL_ERROR -> NetError.ERR_HTTP2_FLOW_CONTROL_ERROR;
            case COMPRESSION_ERROR -> NetError.ERR_HTTP2_COMPRESSION_ERROR;
            case REFUSED_STREAM -> NetError.ERR_HTTP2_SERVER_REFUSED_STREAM;
            case HTTP_1_1_REQUIRED -> NetError.ERR_HTTP_1_1_REQUIRED;
            case INADEQUATE_SECURITY -> NetError.ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY;
            default -> NetError.ERR_HTTP2_PROTOCOL_ERROR;
        };
    }

    /**
     * Chromium's error when the server resets our stream (SpdySession::OnRstStream): REFUSED_STREAM
     * and HTTP_1_1_REQUIRED have their own errors; NO_ERROR before the response is complete, and
     * every other code, is a protocol error. Nothing is sent back: the stream is already closed.
     */
    static NetError forResetByServer(ErrorCode code) {
        return code == ErrorCode.REFUSED_STREAM ? NetError.ERR_HTTP2_SERVER_REFUSED_STREAM
                : code == ErrorCode.HTTP_1_1_REQUIRED ? NetError.ERR_HTTP_1_1_REQUIRED : NetError.ERR_HTTP2_PROTOCOL_ERROR;
    }
}
