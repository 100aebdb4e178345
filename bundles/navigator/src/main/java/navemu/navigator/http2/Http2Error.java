package navemu.navigator.http2;

import java.io.IOException;

import navemu.api.NetError;

/**
 * An HTTP/2 error found in what the server sent (RFC 9113 §5.4): the code our GOAWAY (a connection
 * error) or RST_STREAM (a stream error) carries, and the net error Chromium ends the request with.
 */
final class Http2Error extends IOException {
    private static final long serialVersionUID = 1L;

    final ErrorCode code;
    final NetError netError;
    /** A stream error: only the stream is reset, the connection stays usable. */
    final boolean streamOnly;

    private Http2Error(ErrorCode code, NetError netError, boolean streamOnly, String message) {
        super(message);
        this.code = code;
        this.netError = netError;
        this.streamOnly = streamOnly;
    }

    /** A connection error: GOAWAY with {@code code}, and Chromium's net error for it. */
    static Http2Error connection(ErrorCode code, String message) {
        return new Http2Error(code, netErrorFor(code), false, message);
    }

    /** A stream error: RST_STREAM with {@code code}; the request fails with {@code netError}. */
    static Http2Error stream(ErrorCode code, NetError netError, String message) {
        return new Http2Error(code, netError, true, message);
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
}
