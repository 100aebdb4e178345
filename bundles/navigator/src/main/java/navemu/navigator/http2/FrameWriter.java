package navemu.navigator.http2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Puts frames on the connection (RFC 9113 §4.1, §6). Frames are gathered and go out together
 * at {@link #flush()}, so the preface, SETTINGS, WINDOW_UPDATE and the first HEADERS leave in
 * one TLS record, as Chrome sends them. Each frame is told to the {@link FrameTrace} as it is
 * queued, so the trace lists sent frames in their order on the wire.
 */
final class FrameWriter {
    /** RFC 9113 §3.4: the client connection preface, before any frame. */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final FrameTrace trace;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    FrameWriter(OutputStream out, FrameTrace trace) {
        this.out = out;
        this.trace = trace;
    }

    void preface() {
        pending.writeBytes(PREFACE);
        trace.prefaceSent(PREFACE.length);
    }

    void send(Frame frame) {
        send(frame, null);
    }

    /**
     * Queues {@code frame}.
     *
     * @param headers the header list its block completes, for the trace (HEADERS or CONTINUATION), else null
     */
    void send(Frame frame, List<Map.Entry<String, String>> headers) {
        int length = frame.length();
        pending.write(length >>> 16);
        pending.write(length >>> 8);
        pending.write(length);
        pending.write(frame.type());
        pending.write(frame.flags());
        int id = frame.streamId() & 0x7fffffff;
        pending.write(id >>> 24);
        pending.write(id >>> 16);
        pending.write(id >>> 8);
        pending.write(id);
        pending.writeBytes(frame.payload());
        trace.sent(frame, headers);
    }

    void flush() throws IOException {
        if (pending.size() > 0) {
            out.write(pending.toByteArray());
            pending.reset();
        }
        out.flush();
    }

    // --- payloads --------------------------------------------------------------------------

    static Frame settings(int[][] idValues) {
        byte[] payload = new byte[idValues.length * 6];
        for (int i = 0; i < idValues.length; i++) {
            put16(payload, i * 6, idValues[i][0]);
            put32(payload, i * 6 + 2, idValues[i][1]);
        }
        return new Frame(FrameType.SETTINGS.code, 0, 0, payload);
    }

    static Frame settingsAck() {
        return new Frame(FrameType.SETTINGS.code, Frame.ACK, 0, new byte[0]);
    }

    static Frame windowUpdate(int streamId, int increment) {
        byte[] payload = new byte[4];
        put32(payload, 0, increment & 0x7fffffff);
        return new Frame(FrameType.WINDOW_UPDATE.code, 0, streamId, payload);
    }

    static Frame pingAck(byte[] opaque) {
        return new Frame(FrameType.PING.code, Frame.ACK, 0, opaque.clone());
    }

    static Frame rstStream(int streamId, ErrorCode error) {
        byte[] payload = new byte[4];
        put32(payload, 0, error.code);
        return new Frame(FrameType.RST_STREAM.code, 0, streamId, payload);
    }

    static Frame goAway(int lastStreamId, ErrorCode error) {
        byte[] payload = new byte[8];
        put32(payload, 0, lastStreamId & 0x7fffffff);
        put32(payload, 4, error.code);
        return new Frame(FrameType.GOAWAY.code, 0, 0, payload);
    }

    /**
     * HEADERS with the PRIORITY flag (§6.2) as Chrome sends it: exclusive, depends on stream 0,
     * weight 256 (the octet 255), followed by the first fragment of the header block.
     */
    static Frame headersWithPriority(int streamId, boolean endStream, boolean endHeaders, byte[] fragment) {
        byte[] payload = new byte[5 + fragment.length];
        payload[0] = (byte) 0x80; // E bit set, stream dependency 0
        payload[4] = (byte) 255;
        System.arraycopy(fragment, 0, payload, 5, fragment.length);
        int flags = Frame.PRIORITY | (endStream ? Frame.END_STREAM : 0) | (endHeaders ? Frame.END_HEADERS : 0);
        return new Frame(FrameType.HEADERS.code, flags, streamId, payload);
    }

    static Frame continuation(int streamId, boolean endHeaders, byte[] fragment) {
        return new Frame(FrameType.CONTINUATION.code, endHeaders ? Frame.END_HEADERS : 0, streamId, fragment);
    }

    static Frame data(int streamId, boolean endStream, byte[] chunk) {
        return new Frame(FrameType.DATA.code, endStream ? Frame.END_STREAM : 0, streamId, chunk);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
