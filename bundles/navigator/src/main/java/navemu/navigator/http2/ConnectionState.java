package navemu.navigator.http2;

/**
 * Where one HTTP/2 connection is in its life (RFC 9113 §3.4, §5.1.1, §6.8): whether each side
 * opened it, which streams we opened, whether either side said GOAWAY or an error ended it. Kept
 * by the transport and the handlers of the server's frames, which both change it.
 */
final class ConnectionState {
    /** We sent the client preface and our SETTINGS (once per connection). */
    boolean prefaceSent;
    /** The server's preface, a SETTINGS frame, came. */
    boolean serverSettingsSeen;
    boolean goAwayReceived;
    boolean goAwaySent;
    /** The connection failed (I/O, or an error that ended it): nothing more is sent on it, not even GOAWAY. */
    boolean broken;
    private int nextStreamId = 1;
    /** The highest stream we opened, for the stream-id checks and the RST_STREAM of a stream error. */
    int lastOpened;

    /** The next stream's id: a client's are odd and only grow (§5.1.1), 1, 3, 5, … */
    int openStream() {
        lastOpened = nextStreamId;
        nextStreamId += 2;
        return lastOpened;
    }

    /** Whether a new stream may go on this connection: no GOAWAY either way, no failure, ids left. */
    boolean reusable() {
        return !broken && !goAwayReceived && !goAwaySent && nextStreamId > 0 && nextStreamId < Integer.MAX_VALUE - 2;
    }

    /** §6: SETTINGS, PING and GOAWAY belong to the connection, stream 0. */
    static void requireConnectionStream(Frame frame) throws Http2Error {
        if (frame.streamId() != 0) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, frame.typeName() + " on stream " + frame.streamId()
                    + "; it belongs to the connection, stream 0 (RFC 9113 §6)");
        }
    }

    /** §5.1.1: a frame on a stream we never opened (an even one, or one above ours) is a connection error. */
    void requireOpened(Frame frame) throws Http2Error {
        int id = frame.streamId();
        if (id == 0) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, frame.typeName() + " on stream 0 (RFC 9113 §6)");
        }
        if (id % 2 == 0 || id > lastOpened) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, frame.typeName() + " on stream " + id
                    + ", which we did not open (RFC 9113 §5.1.1)");
        }
    }
}
