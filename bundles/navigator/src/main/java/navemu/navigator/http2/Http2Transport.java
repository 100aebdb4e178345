package navemu.navigator.http2;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import navemu.api.NetError;
import navemu.api.result.Header;
import navemu.api.trace.StepTrace;
import navemu.navigator.http.HttpProtocolException;
import navemu.navigator.http.HttpTransport;
import navemu.navigator.http.RequestMessage;

/**
 * HTTP/2 (RFC 9113) on a TLS connection whose ALPN chose {@code h2}: the connection preface and
 * Chrome's SETTINGS and WINDOW_UPDATE before the first request, then one stream per exchange
 * (1, 3, 5, …) on the same connection. Frames are ours; header blocks are compressed by
 * {@link HeaderCodec}. Every frame sent or received is one trace event ({@link FrameNarration}).
 *
 * <p>What the server sends is checked as Chromium checks it: an error in the connection's frames
 * is answered with GOAWAY and the code RFC 9113 names, an error in one response with RST_STREAM;
 * the request then fails with Chromium's net error. A connection that saw GOAWAY or an error is
 * not {@linkplain #reusable() reused}.
 */
public final class Http2Transport implements HttpTransport {
    /** The trace lists this many frames one by one per exchange; the rest are counted (a flood must not fill memory). */
    static final int MAX_TRACED_FRAMES = 256;
    /** A header block (HEADERS and its CONTINUATIONs) larger than this is refused unread: a CONTINUATION flood. */
    static final int MAX_HEADER_BLOCK = Settings.OUR_MAX_HEADER_LIST_SIZE;

    private final FrameReader reader;
    private final FrameWriter writer;
    private final HeaderCodec hpack = new HeaderCodec();
    private final String scheme;
    /** Whether we give the server credit back as we read (always, but for a test of its window being overrun). */
    private final boolean replenishWindows;

    private boolean prefaceSent;
    private boolean serverSettingsSeen;
    private boolean goAwayReceived;
    private boolean goAwaySent;
    private boolean broken;
    private int nextStreamId = 1;
    /** The highest stream we opened, for the GOAWAY's and for stream-id checks. */
    private int lastOpened;
    /** What we may still send on the connection, and what a new stream may (the server's SETTINGS). */
    private long connectionSendWindow = Settings.DEFAULT_WINDOW;
    private long peerInitialWindow = Settings.DEFAULT_WINDOW;
    private int peerMaxFrameSize = Settings.DEFAULT_MAX_FRAME_SIZE;
    /** What the server may still send on the connection before our next WINDOW_UPDATE. */
    private long connectionReceiveWindow = Settings.DEFAULT_WINDOW + (long) Settings.OUR_CONNECTION_WINDOW_INCREMENT;
    private long connectionUnacknowledged;

    private StepTrace step = StepTrace.NONE;
    private int tracedFrames;
    private int untracedFrames;

    /** @param scheme the request's scheme, for {@code :scheme} ({@code https}: HTTP/2 here runs over TLS) */
    public Http2Transport(InputStream in, OutputStream out, String scheme) {
        this(in, out, scheme, true);
    }

    /** For tests: a client that never sends WINDOW_UPDATE, so that a server overrunning our window is seen. */
    Http2Transport(InputStream in, OutputStream out, String scheme, boolean replenishWindows) {
        this.replenishWindows = replenishWindows;
        this.reader = new FrameReader(in, Settings.OUR_MAX_FRAME_SIZE);
        this.writer = new FrameWriter(out);
        this.scheme = scheme;
    }

    @Override
    public String protocol() {
        return "h2";
    }

    @Override
    public List<Header> requestHeaders(RequestMessage message) {
        return RequestHeaders.asHeaders(RequestHeaders.of(message, scheme));
    }

    @Override
    public Exchange exchange(RequestMessage message, boolean sentAsEarlyData, StepTrace step, Runnable headersRead)
            throws IOException {
        this.step = step;
        tracedFrames = 0;
        untracedFrames = 0;
        if (sentAsEarlyData) {
            throw new HttpProtocolException(NetError.ERR_HTTP2_PROTOCOL_ERROR, "the request went as HTTP/1.1 early data"
                    + " but the server chose h2 for the resumed connection");
        }
        if (!reusable()) {
            throw new HttpProtocolException(NetError.ERR_CONNECTION_CLOSED, "this HTTP/2 connection is closing"
                    + (goAwayReceived ? " (the server sent GOAWAY)" : ""));
        }
        try {
            return run(message, headersRead);
        } catch (Http2Error e) {
            fail(e);
            throw new HttpProtocolException(e.netError, e.getMessage());
        } catch (EOFException e) {
            broken = true;
            throw new HttpProtocolException(NetError.ERR_CONNECTION_CLOSED, "the server closed the HTTP/2 connection"
                    + (goAwayReceived ? " after its GOAWAY" : "") + " before the response was complete");
        } catch (HttpProtocolException e) {
            throw e; // the server reset our stream or refused it: whether the connection goes on was decided there
        } catch (IOException e) {
            broken = true;
            throw e;
        } finally {
            if (untracedFrames > 0) {
                step.info(untracedFrames + " more HTTP/2 frames were read or sent but not listed one by one");
            }
        }
    }

    private Exchange run(RequestMessage message, Runnable headersRead) throws IOException {
        long sendStart = System.nanoTime();
        if (!prefaceSent) {
            sendPreface();
        }
        ResponseStream stream = new ResponseStream(nextStreamId, peerInitialWindow);
        lastOpened = nextStreamId;
        nextStreamId += 2;
        byte[] body = message.body();
        List<Map.Entry<String, String>> fields = RequestHeaders.of(message, scheme);
        sendHeaders(stream.id, fields, body.length == 0);
        if (body.length > 0) {
            sendBody(stream, body);
        }
        writer.flush();
        long sent = System.nanoTime();
        step.roundTrip("request sent on stream " + stream.id + ", waiting for the response");
        boolean headersSeen = false;
        while (!stream.ended) {
            handle(readFrame(), stream);
            if (!headersSeen && stream.hasHead()) {
                headersSeen = true;
                headersRead.run();
            }
        }
        writer.flush();
        stream.checkLength();
        return new Exchange(stream.response(), sendStart, sent, stream.headersNanos);
    }

    private void sendPreface() {
        writer.preface();
        step.sent("connection preface", FrameWriter.PREFACE.length,
                Map.of("text", "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n"));
        send(FrameWriter.settings(Settings.CHROME), null);
        send(FrameWriter.windowUpdate(0, Settings.OUR_CONNECTION_WINDOW_INCREMENT), null);
        prefaceSent = true;
    }

    /** HEADERS, then CONTINUATION frames while the block is longer than the server's frames may be (§6.10). */
    private void sendHeaders(int streamId, List<Map.Entry<String, String>> fields, boolean endStream) throws IOException {
        byte[] block = hpack.encode(fields);
        int first = Math.min(block.length, peerMaxFrameSize - 5);
        boolean endHeaders = first == block.length;
        send(FrameWriter.headersWithPriority(streamId, endStream, endHeaders, Arrays.copyOf(block, first)),
                endHeaders ? fields : null);
        int at = first;
        while (at < block.length) {
            int n = Math.min(block.length - at, peerMaxFrameSize);
            boolean last = at + n == block.length;
            send(FrameWriter.continuation(streamId, last, Arrays.copyOfRange(block, at, at + n)), last ? fields : null);
            at += n;
        }
    }

    /** DATA frames within the server's windows (§6.9.1); while they are closed, reads frames until they open. */
    private void sendBody(ResponseStream stream, byte[] body) throws IOException {
        int at = 0;
        while (at < body.length && !stream.ended) {
            long room = Math.min(Math.min(connectionSendWindow, stream.sendWindow), peerMaxFrameSize);
            if (room <= 0) {
                writer.flush();
                step.roundTrip("the server's flow-control window is full: waiting for its WINDOW_UPDATE");
                handle(readFrame(), stream);
                continue;
            }
            int n = (int) Math.min(room, body.length - at);
            connectionSendWindow -= n;
            stream.sendWindow -= n;
            send(FrameWriter.data(stream.id, at + n == body.length, Arrays.copyOfRange(body, at, at + n)), null);
            at += n;
        }
    }

    private Frame readFrame() throws IOException {
        Frame frame = reader.read();
        if (!serverSettingsSeen) {
            // §3.4: the server's connection preface is a SETTINGS frame, the first frame it sends.
            if (frame.frameType() != FrameType.SETTINGS || frame.has(Frame.ACK)) {
                trace(false, frame, null);
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "the server's first frame is " + frame.typeName()
                        + ", not the SETTINGS its connection preface must begin with (RFC 9113 §3.4)");
            }
            serverSettingsSeen = true;
        }
        return frame;
    }

    /** Acts on one frame from the server, as RFC 9113 §6 says for its type. */
    private void handle(Frame frame, ResponseStream stream) throws IOException {
        FrameType type = frame.frameType();
        if (type == null) {
            trace(false, frame, null);
            return; // §4.1: unknown frame types are ignored
        }
        switch (type) {
            case SETTINGS -> onSettings(frame, stream);
            case PING -> onPing(frame);
            case GOAWAY -> onGoAway(frame, stream);
            case WINDOW_UPDATE -> onWindowUpdate(frame, stream);
            case RST_STREAM -> onRstStream(frame, stream);
            case HEADERS -> onHeaders(frame, stream);
            case DATA -> onData(frame, stream);
            case PRIORITY -> trace(false, frame, null); // deprecated (§5.3.2): nothing to do
            case PUSH_PROMISE -> {
                trace(false, frame, null);
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR,
                        "PUSH_PROMISE although our SETTINGS_ENABLE_PUSH is 0 (RFC 9113 §8.4)");
            }
            case CONTINUATION -> {
                trace(false, frame, null);
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "CONTINUATION without a HEADERS before it (RFC 9113 §6.10)");
            }
            default -> trace(false, frame, null);
        }
    }

    private void onSettings(Frame frame, ResponseStream stream) throws IOException {
        trace(false, frame, null);
        requireConnectionStream(frame);
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
        byte[] p = frame.payload();
        for (int at = 0; at < p.length; at += 6) {
            int id = ((p[at] & 0xff) << 8) | (p[at + 1] & 0xff);
            long value = frame.uint32(at + 2);
            switch (id) {
                case Settings.HEADER_TABLE_SIZE -> hpack.peerTableSize(value);
                case Settings.ENABLE_PUSH -> {
                    if (value > 1) {
                        throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "SETTINGS_ENABLE_PUSH " + value + " (RFC 9113 §6.5.2)");
                    }
                }
                case Settings.INITIAL_WINDOW_SIZE -> {
                    if (value > Settings.MAX_WINDOW) {
                        throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "SETTINGS_INITIAL_WINDOW_SIZE " + value
                                + " is above 2^31-1 (RFC 9113 §6.5.2)");
                    }
                    // §6.9.2: the change applies to the open stream's window too, by the difference.
                    stream.sendWindow += value - peerInitialWindow;
                    peerInitialWindow = value;
                }
                case Settings.MAX_FRAME_SIZE -> {
                    if (value < Settings.DEFAULT_MAX_FRAME_SIZE || value > Settings.MAX_ALLOWED_FRAME_SIZE) {
                        throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "SETTINGS_MAX_FRAME_SIZE " + value
                                + " is outside 16384..16777215 (RFC 9113 §6.5.2)");
                    }
                    peerMaxFrameSize = (int) value;
                }
                default -> {
                    // MAX_CONCURRENT_STREAMS: we open one stream at a time; others are unknown and ignored (§6.5.2).
                }
            }
        }
        send(FrameWriter.settingsAck(), null);
        writer.flush();
    }

    private void onPing(Frame frame) throws IOException {
        trace(false, frame, null);
        requireConnectionStream(frame);
        if (frame.length() != 8) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a PING of " + frame.length() + " octets, not 8 (RFC 9113 §6.7)");
        }
        if (!frame.has(Frame.ACK)) {
            send(FrameWriter.pingAck(frame.payload()), null);
            writer.flush();
        }
    }

    private void onGoAway(Frame frame, ResponseStream stream) throws IOException {
        trace(false, frame, null);
        requireConnectionStream(frame);
        if (frame.length() < 8) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a GOAWAY of " + frame.length() + " octets (RFC 9113 §6.8)");
        }
        goAwayReceived = true;
        long lastStreamId = frame.uint32(0) & Settings.MAX_WINDOW;
        String error = ErrorCode.name(frame.uint32(4));
        if (stream.id > lastStreamId && !stream.ended) {
            // §6.8: streams above the last id were not processed; Chromium: ERR_HTTP2_SERVER_REFUSED_STREAM.
            broken = true;
            throw new HttpProtocolException(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM, "the server sent GOAWAY (" + error
                    + ", last stream " + lastStreamId + ") without processing our stream " + stream.id);
        }
        step.info("the server sent GOAWAY (" + error + "): our stream " + stream.id
                + " may still finish, but no new request goes on this connection");
    }

    private void onWindowUpdate(Frame frame, ResponseStream stream) throws IOException {
        trace(false, frame, null);
        if (frame.length() != 4) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a WINDOW_UPDATE of " + frame.length() + " octets, not 4 (RFC 9113 §6.9)");
        }
        long increment = frame.uint32(0) & Settings.MAX_WINDOW;
        if (frame.streamId() == 0) {
            if (increment == 0) {
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "a WINDOW_UPDATE of 0 on the connection (RFC 9113 §6.9)");
            }
            connectionSendWindow += increment;
            if (connectionSendWindow > Settings.MAX_WINDOW) {
                throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "the connection's send window passed 2^31-1 (RFC 9113 §6.9.1)");
            }
        } else if (frame.streamId() == stream.id && !stream.ended) {
            if (increment == 0) {
                throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR, NetError.ERR_HTTP2_PROTOCOL_ERROR,
                        "a WINDOW_UPDATE of 0 on stream " + stream.id + " (RFC 9113 §6.9)");
            }
            stream.sendWindow += increment;
            if (stream.sendWindow > Settings.MAX_WINDOW) {
                throw Http2Error.stream(ErrorCode.FLOW_CONTROL_ERROR, NetError.ERR_HTTP2_FLOW_CONTROL_ERROR,
                        "stream " + stream.id + "'s send window passed 2^31-1 (RFC 9113 §6.9.1)");
            }
        } else {
            requireOpened(frame);
        }
    }

    private void onRstStream(Frame frame, ResponseStream stream) throws IOException {
        trace(false, frame, null);
        if (frame.length() != 4) {
            throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a RST_STREAM of " + frame.length() + " octets, not 4 (RFC 9113 §6.4)");
        }
        requireOpened(frame);
        if (frame.streamId() != stream.id || stream.ended) {
            return;
        }
        ErrorCode code = ErrorCode.of(frame.uint32(0));
        stream.ended = true;
        // Chromium (SpdySession::OnRstStream): REFUSED_STREAM and HTTP_1_1_REQUIRED have their own
        // errors; NO_ERROR before the response is complete, and every other code, a protocol error.
        NetError error = code == ErrorCode.REFUSED_STREAM ? NetError.ERR_HTTP2_SERVER_REFUSED_STREAM
                : code == ErrorCode.HTTP_1_1_REQUIRED ? NetError.ERR_HTTP_1_1_REQUIRED : NetError.ERR_HTTP2_PROTOCOL_ERROR;
        throw new HttpProtocolException(error, "the server reset stream " + stream.id + " with "
                + ErrorCode.name(frame.uint32(0)) + (stream.hasHead() ? " in the middle of the response" : " before responding"));
    }

    private void onHeaders(Frame frame, ResponseStream stream) throws IOException {
        List<Frame> frames = new ArrayList<>();
        frames.add(frame);
        List<Map.Entry<String, String>> fields = null;
        try {
            requireOpened(frame);
            byte[] block = headerBlock(frame, frames);
            try {
                fields = hpack.decode(block);
            } catch (HeaderCodec.HeaderListTooLarge e) {
                // Chromium (HeaderCoalescer): the stream is reset; the connection's HPACK state stays right.
                throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR, NetError.ERR_HTTP2_PROTOCOL_ERROR, e.getMessage());
            }
        } finally {
            // In the order they came; the decoded list goes with the HEADERS frame.
            for (Frame each : frames) {
                trace(false, each, each == frame ? fields : null);
            }
        }
        if (frame.streamId() != stream.id || stream.ended) {
            throw Http2Error.connection(ErrorCode.STREAM_CLOSED, "HEADERS on stream " + frame.streamId()
                    + ", which is closed (RFC 9113 §5.1)");
        }
        boolean endStream = frame.has(Frame.END_STREAM);
        if (stream.hasHead()) {
            // Trailers (RFC 9113 §8.1): a second HEADERS that ends the stream.
            if (!endStream) {
                throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR, NetError.ERR_HTTP2_PROTOCOL_ERROR,
                        "a second HEADERS on stream " + stream.id + " that does not end it (trailers must, RFC 9113 §8.1)");
            }
            stream.notes.add("trailer fields: " + FrameNarration.headerList(fields));
        } else {
            if (stream.headersNanos == 0) {
                stream.headersNanos = System.nanoTime();
            }
            stream.head(fields, endStream);
        }
        if (endStream) {
            stream.ended = true;
        }
    }

    /**
     * The header block of a HEADERS frame and the CONTINUATION frames that must follow it (§6.10),
     * padding and priority removed; refused when it grows past {@link #MAX_HEADER_BLOCK}.
     *
     * @param frames the HEADERS frame; the CONTINUATION frames read are added, for the trace
     */
    private byte[] headerBlock(Frame frame, List<Frame> frames) throws IOException {
        byte[] p = frame.payload();
        int start = 0;
        int padding = 0;
        if (frame.has(Frame.PADDED)) {
            if (p.length < 1) {
                throw Http2Error.connection(ErrorCode.FRAME_SIZE_ERROR, "a PADDED HEADERS frame without its Pad Length");
            }
            padding = p[0] & 0xff;
            start = 1;
        }
        if (frame.has(Frame.PRIORITY)) {
            start += 5;
        }
        if (start + padding > p.length) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "HEADERS padding longer than its payload (RFC 9113 §6.2)");
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(p, start, p.length - start - padding);
        boolean end = frame.has(Frame.END_HEADERS);
        while (!end) {
            Frame next = reader.read();
            frames.add(next);
            if (next.frameType() != FrameType.CONTINUATION || next.streamId() != frame.streamId()) {
                throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "a " + next.typeName() + " frame on stream "
                        + next.streamId() + " where the CONTINUATION of stream " + frame.streamId()
                        + "'s header block must come (RFC 9113 §6.10)");
            }
            if (block.size() + next.length() > MAX_HEADER_BLOCK) {
                throw Http2Error.connection(ErrorCode.COMPRESSION_ERROR, "the header block of stream " + frame.streamId()
                        + " passes " + MAX_HEADER_BLOCK + " octets in CONTINUATION frames: navemu stops reading it"
                        + " (a CONTINUATION flood)");
            }
            block.write(next.payload(), 0, next.length());
            end = next.has(Frame.END_HEADERS);
        }
        return block.toByteArray();
    }

    private void onData(Frame frame, ResponseStream stream) throws IOException {
        trace(false, frame, null);
        if (frame.streamId() == 0) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, "DATA on stream 0 (RFC 9113 §6.1)");
        }
        requireOpened(frame);
        // §6.9.1: the whole payload, padding included, counts against both windows.
        long length = frame.length();
        if (length > connectionReceiveWindow) {
            throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "the server sent " + length
                    + " octets of DATA with only " + connectionReceiveWindow + " left in the connection's window (RFC 9113 §6.9.1)");
        }
        connectionReceiveWindow -= length;
        connectionUnacknowledged += length;
        if (frame.streamId() != stream.id || stream.ended) {
            send(FrameWriter.rstStream(frame.streamId(), ErrorCode.STREAM_CLOSED), null);
            return; // §5.1: DATA on a closed stream is a stream error STREAM_CLOSED
        }
        if (length > stream.receiveWindow) {
            throw Http2Error.connection(ErrorCode.FLOW_CONTROL_ERROR, "the server sent " + length + " octets of DATA on stream "
                    + stream.id + " with only " + stream.receiveWindow + " left in its window (RFC 9113 §6.9.1)");
        }
        stream.receiveWindow -= length;
        stream.unacknowledged += length;
        if (!stream.hasHead()) {
            throw Http2Error.stream(ErrorCode.PROTOCOL_ERROR, NetError.ERR_HTTP2_PROTOCOL_ERROR,
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
            stream.ended = true;
            send(FrameWriter.rstStream(stream.id, ErrorCode.CANCEL), null);
            return;
        }
        if (frame.has(Frame.END_STREAM)) {
            stream.ended = true;
        } else if (replenishWindows) {
            replenish(stream);
        }
    }

    /** Chrome's rule: a WINDOW_UPDATE once half a window has been consumed, for the stream and the connection. */
    private void replenish(ResponseStream stream) {
        if (stream.unacknowledged >= Settings.OUR_INITIAL_WINDOW_SIZE / 2) {
            send(FrameWriter.windowUpdate(stream.id, (int) stream.unacknowledged), null);
            stream.receiveWindow += stream.unacknowledged;
            stream.unacknowledged = 0;
        }
        long connectionWindow = Settings.DEFAULT_WINDOW + (long) Settings.OUR_CONNECTION_WINDOW_INCREMENT;
        if (connectionUnacknowledged >= connectionWindow / 2) {
            send(FrameWriter.windowUpdate(0, (int) connectionUnacknowledged), null);
            connectionReceiveWindow += connectionUnacknowledged;
            connectionUnacknowledged = 0;
        }
    }

    private static void requireConnectionStream(Frame frame) throws Http2Error {
        if (frame.streamId() != 0) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, frame.typeName() + " on stream " + frame.streamId()
                    + "; it belongs to the connection, stream 0 (RFC 9113 §6)");
        }
    }

    /** §5.1.1: a frame on a stream we never opened (an even one, or one above ours) is a connection error. */
    private void requireOpened(Frame frame) throws Http2Error {
        int id = frame.streamId();
        if (id == 0) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, frame.typeName() + " on stream 0 (RFC 9113 §6)");
        }
        if (id % 2 == 0 || id > lastOpened) {
            throw Http2Error.connection(ErrorCode.PROTOCOL_ERROR, frame.typeName() + " on stream " + id
                    + ", which we did not open (RFC 9113 §5.1.1)");
        }
    }

    /** Answers an error: GOAWAY for a connection error, RST_STREAM for a stream error (RFC 9113 §5.4). */
    private void fail(Http2Error e) {
        if (e.streamOnly) {
            send(FrameWriter.rstStream(lastOpened, e.code), null);
        } else {
            goAway(e.code);
        }
        try {
            writer.flush();
        } catch (IOException ignored) {
            broken = true; // the server may already have gone; the error stands as it is
        }
    }

    private void goAway(ErrorCode code) {
        if (!goAwaySent) {
            goAwaySent = true;
            broken = true;
            send(FrameWriter.goAway(0, code), null); // we accept no server-initiated streams: last stream 0
        }
    }

    private void send(Frame frame, List<Map.Entry<String, String>> headers) {
        writer.write(frame);
        trace(true, frame, headers);
    }

    private void trace(boolean sent, Frame frame, List<Map.Entry<String, String>> headers) {
        boolean notable = frame.frameType() != FrameType.DATA && frame.frameType() != FrameType.PING
                && frame.frameType() != FrameType.WINDOW_UPDATE;
        if (tracedFrames >= MAX_TRACED_FRAMES && !notable || tracedFrames >= 4 * MAX_TRACED_FRAMES) {
            untracedFrames++;
            return;
        }
        tracedFrames++;
        Map<String, String> fields = FrameNarration.of(frame, headers);
        if (sent) {
            step.sent(frame.typeName(), frame.length(), fields);
        } else {
            step.received(frame.typeName(), frame.length(), fields);
        }
    }

    @Override
    public boolean reusable() {
        return !broken && !goAwayReceived && !goAwaySent && nextStreamId > 0 && nextStreamId < Integer.MAX_VALUE - 2;
    }

    /** Says goodbye with GOAWAY NO_ERROR (§6.8), unless the connection already failed or said it. */
    @Override
    public void close() {
        if (prefaceSent && !broken && !goAwaySent) {
            goAway(ErrorCode.NO_ERROR);
            try {
                writer.flush();
            } catch (IOException ignored) {
                // The server may have closed first; nothing more to tell it.
            }
        }
    }
}
