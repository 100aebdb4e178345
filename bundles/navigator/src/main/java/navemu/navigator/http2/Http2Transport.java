package navemu.navigator.http2;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
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
 * {@link HeaderCodec}. Every frame sent or received is one trace event ({@link FrameTrace}).
 *
 * <p>This class is the connection's life as RFC 9113 tells it: the preface (§3.4), a stream
 * opened for each request (§5.1), its HEADERS (§6.2, §6.10) and DATA (§6.1) sent within the
 * server's windows (§6.9), the server's frames read until the stream closes, an error answered
 * (§5.4), GOAWAY at the end (§6.8). The server's frames are acted on by {@link ServerFrames}, the
 * windows kept by {@link FlowControl}, the response put together by {@link ResponseStream}.
 *
 * <p>What the server sends is checked as Chromium checks it: an error in the connection's frames
 * is answered with GOAWAY and the code RFC 9113 names, an error in one response with RST_STREAM;
 * the request then fails with Chromium's net error ({@link Http2Error}). A connection that saw
 * GOAWAY or an error is not {@linkplain #reusable() reused}.
 *
 * <p>A request the server refused (GOAWAY below its stream, RST_STREAM REFUSED_STREAM) or lost with
 * the connection before any frame of its response is {@linkplain #lostBeforeResponse() said to be
 * lost}, so that the navigator may send it again. After RST_STREAM REFUSED_STREAM the connection
 * stays {@linkplain #reusable() reusable} (only the stream ended), so the retry may take its next stream.
 */
public final class Http2Transport implements HttpTransport {
    /** The trace lists this many frames one by one per exchange; the rest are counted (a flood must not fill memory). */
    static final int MAX_TRACED_FRAMES = FrameTrace.MAX_TRACED_FRAMES;

    private final String scheme;
    private final ConnectionState state = new ConnectionState();
    private final FrameTrace trace = new FrameTrace();
    private final FrameWriter writer;
    private final HeaderCodec hpack = new HeaderCodec();
    private final FlowControl flow;
    private final PeerSettings peer;
    private final ServerFrames serverFrames;
    /** The last exchange's stream, once opened: whether its response began. */
    private ResponseStream current;
    private boolean lostBeforeResponse;

    /** @param scheme the request's scheme, for {@code :scheme} ({@code https}: HTTP/2 here runs over TLS) */
    public Http2Transport(InputStream in, OutputStream out, String scheme) {
        this(in, out, scheme, true);
    }

    /** For tests: a client that never sends WINDOW_UPDATE, so that a server overrunning our window is seen. */
    Http2Transport(InputStream in, OutputStream out, String scheme, boolean replenishWindows) {
        this.scheme = scheme;
        this.writer = new FrameWriter(out, trace);
        this.flow = new FlowControl(replenishWindows);
        this.peer = new PeerSettings(hpack, flow);
        this.serverFrames = new ServerFrames(new FrameReader(in, Settings.OUR_MAX_FRAME_SIZE), writer, trace, state, flow,
                peer, hpack);
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
        trace.startExchange(step);
        current = null;
        lostBeforeResponse = false;
        if (sentAsEarlyData) {
            throw new HttpProtocolException(NetError.ERR_HTTP2_PROTOCOL_ERROR, "the request went as HTTP/1.1 early data"
                    + " but the server chose h2 for the resumed connection");
        }
        if (!reusable()) {
            throw new HttpProtocolException(NetError.ERR_CONNECTION_CLOSED, "this HTTP/2 connection is closing"
                    + (state.goAwayReceived ? " (the server sent GOAWAY)" : ""));
        }
        try {
            return run(message, headersRead);
        } catch (Http2Error e) {
            fail(e); // the server broke a rule: it sent something, and what it sent is the error
            throw new HttpProtocolException(e.netError, e.getMessage());
        } catch (EOFException e) {
            state.broken = true;
            lostBeforeResponse = noResponseYet();
            throw new HttpProtocolException(NetError.ERR_CONNECTION_CLOSED, "the server closed the HTTP/2 connection"
                    + (state.goAwayReceived ? " after its GOAWAY" : "") + " before the response was complete");
        } catch (HttpProtocolException e) {
            // The server reset our stream or refused it: whether the connection goes on was decided there.
            // §6.8, §8.7: a refused stream was not processed, so it may go again, unless its response began;
            // so may one the server answered with HTTP_1_1_REQUIRED (§7), over HTTP/1.1.
            lostBeforeResponse = (e.error() == NetError.ERR_HTTP2_SERVER_REFUSED_STREAM
                    || e.error() == NetError.ERR_HTTP_1_1_REQUIRED) && noResponseYet();
            throw e;
        } catch (SocketTimeoutException e) {
            state.broken = true; // the server kept the connection but said nothing: not a lost request
            throw e;
        } catch (IOException e) {
            state.broken = true; // reset, or a write that failed: the connection was gone
            lostBeforeResponse = noResponseYet();
            throw e;
        } finally {
            trace.endExchange();
        }
    }

    /** No frame of our stream's response came (none at all when the stream was not opened yet). */
    private boolean noResponseYet() {
        return current == null || !current.answered();
    }

    /**
     * {@inheritDoc} HTTP/2: the server refused our stream (GOAWAY whose last stream is below it,
     * RST_STREAM REFUSED_STREAM: RFC 9113 §6.8 and §8.7 say it was not processed), required HTTP/1.1
     * for it (GOAWAY or RST_STREAM HTTP_1_1_REQUIRED), or the connection closed or failed, before any
     * HEADERS of our stream came.
     */
    @Override
    public boolean lostBeforeResponse() {
        return lostBeforeResponse;
    }

    /** One request on a new stream, and its response read to the stream's end. */
    private Exchange run(RequestMessage message, Runnable headersRead) throws IOException {
        long sendStart = System.nanoTime();
        if (!state.prefaceSent) {
            sendPreface();
        }
        ResponseStream stream = openStream();
        current = stream;
        byte[] body = message.body();
        sendHeaders(stream.id, RequestHeaders.of(message, scheme), body.length == 0);
        if (body.length > 0) {
            sendBody(stream, body);
        }
        writer.flush();
        long sent = System.nanoTime();
        trace.step().roundTrip("request sent on stream " + stream.id + ", waiting for the response");
        boolean headersSeen = false;
        while (!stream.ended) {
            serverFrames.readOne(stream);
            if (!headersSeen && stream.hasHead()) {
                headersSeen = true;
                headersRead.run();
            }
        }
        writer.flush(); // what reading queued: a WINDOW_UPDATE, an RST_STREAM
        stream.checkLength();
        return new Exchange(stream.response(), sendStart, sent, stream.headersNanos);
    }

    /** §3.4: the preface, then our SETTINGS and the connection's WINDOW_UPDATE, as Chrome sends them. */
    private void sendPreface() {
        writer.preface();
        writer.send(FrameWriter.settings(Settings.CHROME));
        writer.send(FrameWriter.windowUpdate(0, Settings.OUR_CONNECTION_WINDOW_INCREMENT));
        state.prefaceSent = true;
    }

    /** §5.1.1: the next odd stream id, with fresh windows and an empty response. */
    private ResponseStream openStream() {
        int id = state.openStream();
        flow.openStream(id);
        return new ResponseStream(id);
    }

    /** HEADERS, then CONTINUATION frames while the block is longer than the server's frames may be (§6.10). */
    private void sendHeaders(int streamId, List<Map.Entry<String, String>> fields, boolean endStream) throws IOException {
        byte[] block = hpack.encode(fields);
        int maxFrameSize = peer.maxFrameSize();
        int first = Math.min(block.length, maxFrameSize - 5); // 5: the priority fields before the fragment
        boolean endHeaders = first == block.length;
        writer.send(FrameWriter.headersWithPriority(streamId, endStream, endHeaders, Arrays.copyOf(block, first)),
                endHeaders ? fields : null);
        int at = first;
        while (at < block.length) {
            int n = Math.min(block.length - at, maxFrameSize);
            boolean last = at + n == block.length;
            writer.send(FrameWriter.continuation(streamId, last, Arrays.copyOfRange(block, at, at + n)), last ? fields : null);
            at += n;
        }
    }

    /** DATA frames within the server's windows (§6.9.1); while they are closed, reads frames until they open. */
    private void sendBody(ResponseStream stream, byte[] body) throws IOException {
        int at = 0;
        while (at < body.length && !stream.ended) {
            long room = flow.sendRoom(peer.maxFrameSize());
            if (room <= 0) {
                writer.flush();
                trace.step().roundTrip("the server's flow-control window is full: waiting for its WINDOW_UPDATE");
                serverFrames.readOne(stream);
                continue;
            }
            int n = (int) Math.min(room, body.length - at);
            flow.sent(n);
            writer.send(FrameWriter.data(stream.id, at + n == body.length, Arrays.copyOfRange(body, at, at + n)));
            at += n;
        }
    }

    /** §5.4: answers an error, GOAWAY for a connection error, RST_STREAM for a stream error. */
    private void fail(Http2Error e) {
        if (e.streamOnly) {
            writer.send(FrameWriter.rstStream(state.lastOpened, e.code));
        } else {
            goAway(e.code);
        }
        try {
            writer.flush();
        } catch (IOException ignored) {
            state.broken = true; // the server may already have gone; the error stands as it is
        }
    }

    private void goAway(ErrorCode code) {
        if (!state.goAwaySent) {
            state.goAwaySent = true;
            state.broken = true;
            writer.send(FrameWriter.goAway(0, code)); // we accept no server-initiated streams: last stream 0
        }
    }

    @Override
    public boolean reusable() {
        return state.reusable();
    }

    /** Says goodbye with GOAWAY NO_ERROR (§6.8), unless the connection already failed or said it. */
    @Override
    public void close() {
        if (state.prefaceSent && !state.broken && !state.goAwaySent) {
            goAway(ErrorCode.NO_ERROR);
            try {
                writer.flush();
            } catch (IOException ignored) {
                // The server may have closed first; nothing more to tell it.
            }
        }
    }
}
