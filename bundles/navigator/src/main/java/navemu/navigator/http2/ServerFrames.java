package navemu.navigator.http2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import navemu.api.NetError;
import navemu.navigator.http.HttpProtocolException;

/**
 * The server's side of the connection: reads its frames one at a time and acts on each as
 * RFC 9113 §6 says for its type — answers SETTINGS and PING, takes WINDOW_UPDATE and GOAWAY, and
 * hands our stream its HEADERS and DATA. Every frame is traced before it is judged: as it is
 * read, or, for a header block's frames, once the block is whole, with its decoded fields.
 *
 * <p>A rule broken is thrown as an {@link Http2Error} (the transport answers it with GOAWAY or
 * RST_STREAM); a stream the server reset or refused, as the {@link HttpProtocolException} the
 * request fails with, since nothing is to be answered.
 */
final class ServerFrames {
    private final FrameReader reader;
    private final FrameWriter writer;
    private final FrameTrace trace;
    private final ConnectionState state;
    private final FlowControl flow;
    private final PeerSettings settings;
    private final HeaderCodec hpack;

    ServerFrames(FrameReader reader, FrameWriter writer, FrameTrace trace, ConnectionState state, FlowControl flow,
                 PeerSettings settings, HeaderCodec hpack) {
        this.reader = reader;
        this.writer = writer;
        this.trace = trace;
        this.state = state;
        this.flow = flow;
        this.settings = settings;
        this.hpack = hpack;
    }

    /** Reads the server's next frame and acts on it, for {@code stream}, the one we have open. */
    void readOne(ResponseStream stream) throws IOException {
        handle(read(), stream);
    }

    private Frame read() throws IOException {
        Frame frame = reader.read();
        if (!state.serverSettingsSeen) {
            // §3.4: the server's connection preface is a SETTINGS frame, the first frame it sends.
            if (frame.frameType() != FrameType.SETTINGS || frame.has(Frame.ACK)) {
                trace.received(frame);
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "the server's first frame is " + frame.typeName()
                        + ", not the SETTINGS its connection preface must begin with (RFC 9113 §3.4)");
            }
            state.serverSettingsSeen = true;
        }
        return frame;
    }

    private void handle(Frame frame, ResponseStream stream) throws IOException {
        FrameType type = frame.frameType();
        if (type == null) {
            trace.received(frame);
            return; // §4.1: unknown frame types are ignored
        }
        switch (type) {
            case SETTINGS -> onSettings(frame);
            case PING -> onPing(frame);
            case GOAWAY -> onGoAway(frame, stream);
            case WINDOW_UPDATE -> onWindowUpdate(frame, stream);
            case RST_STREAM -> onRstStream(frame, stream);
            case HEADERS -> onHeaders(frame, stream);
            case DATA -> onData(frame, stream);
            case PRIORITY -> trace.received(frame); // deprecated (§5.3.2): nothing to do
            case PUSH_PROMISE -> {
                trace.received(frame);
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR,
                        "PUSH_PROMISE although our SETTINGS_ENABLE_PUSH is 0 (RFC 9113 §8.4)");
            }
            case CONTINUATION -> {
                trace.received(frame);
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "CONTINUATION without a HEADERS before it (RFC 9113 §6.10)");
            }
            default -> trace.received(frame);
        }
    }

    /** §6.5: the server's parameters take effect, and it is told so with an ACK at once. */
    private void onSettings(Frame frame) throws IOException {
        trace.received(frame);
        ConnectionState.requireConnectionStream(frame);
        if (frame.has(Frame.ACK)) {
            if (frame.length() != 0) {
                throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a SETTINGS ACK with a payload (RFC 9113 §6.5)");
            }
            return;
        }
        if (frame.length() % 6 != 0) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a SETTINGS payload of " + frame.length()
                    + " octets, not a multiple of 6 (RFC 9113 §6.5)");
        }
        settings.apply(frame);
        writer.send(FrameWriter.settingsAck());
        writer.flush();
    }

    /** §6.7: a PING is answered with the same eight octets; an answer to ours (we send none) is ignored. */
    private void onPing(Frame frame) throws IOException {
        trace.received(frame);
        ConnectionState.requireConnectionStream(frame);
        if (frame.length() != 8) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a PING of " + frame.length() + " octets, not 8 (RFC 9113 §6.7)");
        }
        if (!frame.has(Frame.ACK)) {
            writer.send(FrameWriter.pingAck(frame.payload()));
            writer.flush();
        }
    }

    /** §6.8: no new stream goes on the connection; ours finishes if the server processed it. */
    private void onGoAway(Frame frame, ResponseStream stream) throws IOException {
        trace.received(frame);
        ConnectionState.requireConnectionStream(frame);
        if (frame.length() < 8) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a GOAWAY of " + frame.length() + " octets (RFC 9113 §6.8)");
        }
        state.goAwayReceived = true;
        long lastStreamId = frame.uint32(0) & Settings.MAX_WINDOW;
        String error = ErrorCode.name(frame.uint32(4));
        if (ErrorCode.of(frame.uint32(4)) == ErrorCode.HTTP_1_1_REQUIRED && !stream.ended) {
            // Chromium (SpdySession::OnGoAway) drains the whole session with ERR_HTTP_1_1_REQUIRED, whatever
            // the last stream: every open stream fails, processed or not; before its response it goes again.
            state.broken = true;
            throw new HttpProtocolException(NetError.ERR_HTTP_1_1_REQUIRED, "the server sent GOAWAY (" + error
                    + ", last stream " + lastStreamId + "): it requires HTTP/1.1, so our stream " + stream.id
                    + " ends with the connection");
        }
        if (stream.id > lastStreamId && !stream.ended) {
            // §6.8: streams above the last id were not processed. Chromium (SpdySession::OnGoAway) fails
            // them with ERR_HTTP2_SERVER_REFUSED_STREAM, which is sent again, only for NO_ERROR; with any
            // other code with ERR_HTTP2_PROTOCOL_ERROR (HTTP_1_1_REQUIRED was handled above).
            state.broken = true;
            NetError netError = ErrorCode.of(frame.uint32(4)) == ErrorCode.NO_ERROR
                    ? NetError.ERR_HTTP2_SERVER_REFUSED_STREAM : NetError.ERR_HTTP2_PROTOCOL_ERROR;
            throw new HttpProtocolException(netError, "the server sent GOAWAY (" + error
                    + ", last stream " + lastStreamId + ") without processing our stream " + stream.id);
        }
        trace.step().info("the server sent GOAWAY (" + error + "): our stream " + stream.id
                + " may still finish, but no new request goes on this connection");
    }

    /** §6.9: credit for what we send, on the connection (stream 0) or on our stream. */
    private void onWindowUpdate(Frame frame, ResponseStream stream) throws IOException {
        trace.received(frame);
        if (frame.length() != 4) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a WINDOW_UPDATE of " + frame.length() + " octets, not 4 (RFC 9113 §6.9)");
        }
        long increment = frame.uint32(0) & Settings.MAX_WINDOW;
        if (frame.streamId() == 0) {
            flow.creditConnection(increment);
        } else if (frame.streamId() == stream.id && !stream.ended) {
            flow.creditStream(increment);
        } else {
            state.requireOpened(frame); // on a closed stream of ours it is allowed, and means nothing now
        }
    }

    /** §6.4: the server ended our stream; the request fails with the error Chromium gives for the code. */
    private void onRstStream(Frame frame, ResponseStream stream) throws IOException {
        trace.received(frame);
        if (frame.length() != 4) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a RST_STREAM of " + frame.length() + " octets, not 4 (RFC 9113 §6.4)");
        }
        state.requireOpened(frame);
        if (frame.streamId() != stream.id || stream.ended) {
            return;
        }
        stream.ended = true;
        throw new HttpProtocolException(Http2Error.forResetByServer(ErrorCode.of(frame.uint32(0))), "the server reset stream "
                + stream.id + " with " + ErrorCode.name(frame.uint32(0))
                + (stream.hasHead() ? " in the middle of the response" : " before responding"));
    }

    /** §6.2: a header block, decoded (it changes the connection's HPACK state), for our open stream. */
    private void onHeaders(Frame frame, ResponseStream stream) throws IOException {
        List<Frame> frames = new ArrayList<>();
        frames.add(frame);
        List<Map.Entry<String, String>> fields = null;
        try {
            state.requireOpened(frame);
            byte[] block = HeaderBlock.read(frame, reader, frames);
            try {
                fields = hpack.decode(block);
            } catch (HeaderCodec.HeaderListTooLarge e) {
                // Chromium (HeaderCoalescer): the stream is reset; the connection's HPACK state stays right.
                throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR, e.getMessage());
            }
        } finally {
            // In the order they came; the decoded list goes with the HEADERS frame.
            for (Frame each : frames) {
                trace.received(each, each == frame ? fields : null);
            }
        }
        if (frame.streamId() != stream.id || stream.ended) {
            throw Http2Error.connection(ErrorCode.STREAM_CLOSED, "HEADERS on stream " + frame.streamId()
                    + ", which is closed (RFC 9113 §5.1)");
        }
        stream.headerBlock(fields, frame.has(Frame.END_STREAM));
    }

    /** §6.1: body octets for our stream, paid for from both windows, padding included (§6.9.1). */
    private void onData(Frame frame, ResponseStream stream) throws IOException {
        trace.received(frame);
        if (frame.streamId() == 0) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "DATA on stream 0 (RFC 9113 §6.1)");
        }
        state.requireOpened(frame);
        flow.receivedOnConnection(frame.length());
        if (frame.streamId() != stream.id || stream.ended) {
            writer.send(FrameWriter.rstStream(frame.streamId(), ErrorCode.STREAM_CLOSED));
            return; // §5.1: DATA on a closed stream is a stream error STREAM_CLOSED
        }
        flow.receivedOnStream(frame.length());
        if (!stream.hasHead()) {
            throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR,
                    "DATA on stream " + stream.id + " before the response's HEADERS (RFC 9113 §8.1)");
        }
        byte[] p = frame.payload();
        int start = 0;
        int padding = 0;
        if (frame.has(Frame.PADDED)) {
            padding = p.length > 0 ? p[0] & 0xff : 0;
            start = 1;
            if (p.length == 0 || padding >= p.length) {
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "DATA padding as long as its payload (RFC 9113 §6.1)");
            }
        }
        if (!stream.body(p, start, p.length - start - padding)) {
            // Past the body's cap: the rest is not wanted, and the server is told so.
            stream.ended = true;
            writer.send(FrameWriter.rstStream(stream.id, ErrorCode.CANCEL));
            return;
        }
        if (frame.has(Frame.END_STREAM)) {
            stream.ended = true;
        } else {
            for (Frame update : flow.windowUpdates()) {
                writer.send(update);
            }
        }
    }
}
