package navemu.lab.http2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.twitter.hpack.Decoder;
import com.twitter.hpack.Encoder;

import navemu.lab.http.HttpRequest;
import navemu.lab.http.HttpResponse;
import navemu.lab.http.SiteResponder;

/**
 * The lab's HTTP/2 server side (RFC 9113) on one connection whose ALPN chose {@code h2}: reads
 * the client's preface, sends its own SETTINGS, answers each request stream with the site's
 * response (HEADERS, then DATA within the client's flow-control windows), until the client says
 * GOAWAY, closes, or idles out. Header blocks go through the HPACK library the navigator uses too.
 */
public final class Http2Conversation {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The lab's SETTINGS: up to 100 streams at once (RFC 9113 §6.5.2 recommends at least 100). */
    private static final int MAX_CONCURRENT_STREAMS = 100;
    /** A request's header block or body larger than this is refused: the lab is no upload target. */
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final Set<String> DROPPED = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
            "proxy-connection", "content-length");

    private final InputStream in;
    private final OutputStream out;
    private final SiteResponder responder;
    private final String connection;
    private final Decoder decoder = new Decoder(64 * 1024, 4096);
    private final Encoder encoder = new Encoder(4096);
    private long connectionWindow = 65_535;
    private long initialStreamWindow = 65_535;
    private int maxFrameSize = LabFrame.MAX_FRAME_SIZE;
    private final Map<Integer, Long> streamWindows = new HashMap<>();
    /** Requests whose body is still arriving: the head, and the body so far. */
    private final Map<Integer, Pending> pending = new LinkedHashMap<>();
    private int lastStreamId;

    private record Pending(Map<String, String> pseudo, Map<String, List<String>> headers, ByteArrayOutputStream body) {
    }

    private Http2Conversation(InputStream in, OutputStream out, SiteResponder responder, String connection) {
        this.in = in;
        // Frames gather here and leave at each flush: one TLS record for a response, not one per frame.
        this.out = new java.io.BufferedOutputStream(out, 32 * 1024);
        this.responder = responder;
        this.connection = connection + ", HTTP/2";
    }

    /** Serves the connection to its end; the caller closes the socket. */
    public static void serve(InputStream in, OutputStream out, SiteResponder responder, String connection) throws IOException {
        new Http2Conversation(in, out, responder, connection).run();
    }

    private void run() throws IOException {
        byte[] preface = new byte[PREFACE.length];
        try {
            LabFrame.readFully(in, preface, 0, preface.length);
        } catch (SocketTimeoutException e) {
            return;
        }
        if (!Arrays.equals(preface, PREFACE)) {
            goAway(0x1, "the connection did not start with the HTTP/2 preface");
            return;
        }
        send(new LabFrame(LabFrame.SETTINGS, 0, 0, new byte[] {0, 3, 0, 0, 0, (byte) MAX_CONCURRENT_STREAMS}));
        out.flush();
        try {
            while (true) {
                LabFrame frame = LabFrame.read(in);
                if (frame == null || frame.type() == LabFrame.GOAWAY) {
                    return;
                }
                handle(frame);
                out.flush();
            }
        } catch (SocketTimeoutException e) {
            goAway(0x0, "idle");
        } catch (LabFrame.Http2ProtocolException e) {
            goAway(e.code, e.getMessage());
        }
    }

    private void handle(LabFrame frame) throws IOException {
        switch (frame.type()) {
            case LabFrame.SETTINGS -> {
                if (!frame.has(LabFrame.ACK)) {
                    applySettings(frame);
                    send(new LabFrame(LabFrame.SETTINGS, LabFrame.ACK, 0, new byte[0]));
                }
            }
            case LabFrame.PING -> {
                if (!frame.has(LabFrame.ACK)) {
                    send(new LabFrame(LabFrame.PING, LabFrame.ACK, 0, frame.payload()));
                }
            }
            case LabFrame.WINDOW_UPDATE -> {
                long increment = frame.uint32(0) & 0x7fffffffL;
                if (frame.streamId() == 0) {
                    connectionWindow += increment;
                } else {
                    streamWindows.computeIfPresent(frame.streamId(), (id, w) -> w + increment);
                }
            }
            case LabFrame.HEADERS -> onHeaders(frame);
            case LabFrame.DATA -> onData(frame);
            case LabFrame.RST_STREAM -> pending.remove(frame.streamId());
            case LabFrame.CONTINUATION, LabFrame.PUSH_PROMISE ->
                    throw new LabFrame.Http2ProtocolException(0x1, "unexpected frame type " + frame.type());
            default -> {
                // PRIORITY and extension frames: nothing to do (RFC 9113 §4.1, §5.3.2)
            }
        }
    }

    private void applySettings(LabFrame frame) {
        byte[] p = frame.payload();
        for (int at = 0; at + 6 <= p.length; at += 6) {
            int id = ((p[at] & 0xff) << 8) | (p[at + 1] & 0xff);
            long value = frame.uint32(at + 2);
            if (id == 0x4) {
                long delta = value - initialStreamWindow;
                initialStreamWindow = value;
                streamWindows.replaceAll((stream, window) -> window + delta);
            } else if (id == 0x5) {
                maxFrameSize = (int) Math.min(value, 1 << 20);
            }
        }
    }

    private void onHeaders(LabFrame frame) throws IOException {
        int stream = frame.streamId();
        if (stream % 2 == 0 || stream <= lastStreamId) {
            throw new LabFrame.Http2ProtocolException(0x1, "HEADERS on stream " + stream + ", not a new client stream");
        }
        lastStreamId = stream;
        byte[] block = headerBlock(frame);
        Map<String, String> pseudo = new LinkedHashMap<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try {
            decoder.decode(new ByteArrayInputStream(block), (name, value, sensitive) -> {
                String n = new String(name, StandardCharsets.ISO_8859_1);
                String v = new String(value, StandardCharsets.ISO_8859_1);
                if (n.startsWith(":")) {
                    pseudo.put(n, v);
                } else {
                    headers.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(v);
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new LabFrame.Http2ProtocolException(0x9, "bad HPACK: " + e.getMessage());
        }
        decoder.endHeaderBlock();
        streamWindows.put(stream, initialStreamWindow);
        Pending request = new Pending(pseudo, headers, new ByteArrayOutputStream());
        if (frame.has(LabFrame.END_STREAM)) {
            respond(stream, request);
        } else {
            pending.put(stream, request);
        }
    }

    private byte[] headerBlock(LabFrame frame) throws IOException {
        byte[] p = frame.payload();
        int start = frame.has(LabFrame.PADDED) ? 1 : 0;
        int padding = frame.has(LabFrame.PADDED) && p.length > 0 ? p[0] & 0xff : 0;
        if (frame.has(LabFrame.PRIORITY)) {
            start += 5;
        }
        if (start + padding > p.length) {
            throw new LabFrame.Http2ProtocolException(0x1, "HEADERS padding longer than its payload");
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(p, start, p.length - start - padding);
        boolean end = frame.has(LabFrame.END_HEADERS);
        while (!end) {
            LabFrame next = LabFrame.read(in);
            if (next == null || next.type() != LabFrame.CONTINUATION || next.streamId() != frame.streamId()
                    || block.size() + next.payload().length > MAX_REQUEST_BYTES) {
                throw new LabFrame.Http2ProtocolException(0x1, "the header block did not continue as RFC 9113 §6.10 says");
            }
            block.write(next.payload(), 0, next.payload().length);
            end = next.has(LabFrame.END_HEADERS);
        }
        return block.toByteArray();
    }

    private void onData(LabFrame frame) throws IOException {
        // Give the flow-control credit back at once: the lab reads every body it accepts.
        if (!frame.has(LabFrame.END_STREAM) && frame.payload().length > 0) {
            send(LabFrame.uint32Frame(LabFrame.WINDOW_UPDATE, 0, frame.payload().length));
            send(LabFrame.uint32Frame(LabFrame.WINDOW_UPDATE, frame.streamId(), frame.payload().length));
        } else if (frame.payload().length > 0) {
            send(LabFrame.uint32Frame(LabFrame.WINDOW_UPDATE, 0, frame.payload().length));
        }
        Pending request = pending.get(frame.streamId());
        if (request == null) {
            send(LabFrame.uint32Frame(LabFrame.RST_STREAM, frame.streamId(), 0x5)); // STREAM_CLOSED
            return;
        }
        byte[] p = frame.payload();
        int start = frame.has(LabFrame.PADDED) ? 1 : 0;
        int padding = frame.has(LabFrame.PADDED) && p.length > 0 ? p[0] & 0xff : 0;
        if (start + padding > p.length) {
            throw new LabFrame.Http2ProtocolException(0x1, "DATA padding longer than its payload");
        }
        request.body().write(p, start, p.length - start - padding);
        if (request.body().size() > MAX_REQUEST_BYTES) {
            pending.remove(frame.streamId());
            send(LabFrame.uint32Frame(LabFrame.RST_STREAM, frame.streamId(), 0xb)); // ENHANCE_YOUR_CALM
            return;
        }
        if (frame.has(LabFrame.END_STREAM)) {
            pending.remove(frame.streamId());
            respond(frame.streamId(), request);
        }
    }

    private void respond(int stream, Pending request) throws IOException {
        String method = request.pseudo().getOrDefault(":method", "GET");
        String path = request.pseudo().getOrDefault(":path", "/");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String authority = request.pseudo().get(":authority");
        if (authority != null) {
            headers.put("host", List.of(authority));
        }
        headers.putAll(request.headers());
        HttpResponse response = responder.respond(new HttpRequest(method, path, "HTTP/2", headers,
                request.body().toByteArray()), connection);
        boolean withBody = !method.equals("HEAD") && response.body().length > 0;
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        encode(block, ":status", Integer.toString(response.status()));
        for (String line : response.headers()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!DROPPED.contains(name)) {
                encode(block, name, line.substring(colon + 1).trim());
            }
        }
        encode(block, "content-length", Integer.toString(response.body().length));
        sendHeaderBlock(stream, block.toByteArray(), !withBody);
        if (withBody) {
            sendBody(stream, response.body());
        }
        streamWindows.remove(stream);
    }

    private void encode(ByteArrayOutputStream block, String name, String value) throws IOException {
        encoder.encodeHeader(block, name.getBytes(StandardCharsets.ISO_8859_1), value.getBytes(StandardCharsets.UTF_8), false);
    }

    private void sendHeaderBlock(int stream, byte[] block, boolean endStream) throws IOException {
        int first = Math.min(block.length, maxFrameSize);
        boolean endHeaders = first == block.length;
        send(new LabFrame(LabFrame.HEADERS, (endStream ? LabFrame.END_STREAM : 0) | (endHeaders ? LabFrame.END_HEADERS : 0),
                stream, Arrays.copyOf(block, first)));
        for (int at = first; at < block.length; ) {
            int n = Math.min(maxFrameSize, block.length - at);
            send(new LabFrame(LabFrame.CONTINUATION, at + n == block.length ? LabFrame.END_HEADERS : 0, stream,
                    Arrays.copyOfRange(block, at, at + n)));
            at += n;
        }
    }

    /** DATA frames within the client's windows (RFC 9113 §6.9); while both are shut, reads its frames until they open. */
    private void sendBody(int stream, byte[] body) throws IOException {
        int at = 0;
        while (at < body.length) {
            long window = Math.min(connectionWindow, streamWindows.getOrDefault(stream, 0L));
            int n = (int) Math.min(Math.min(window, maxFrameSize), body.length - at);
            if (n <= 0) {
                out.flush();
                LabFrame frame = LabFrame.read(in);
                if (frame == null || frame.type() == LabFrame.GOAWAY
                        || frame.type() == LabFrame.RST_STREAM && frame.streamId() == stream) {
                    return;
                }
                handle(frame);
                continue;
            }
            connectionWindow -= n;
            streamWindows.computeIfPresent(stream, (id, w) -> w - n);
            send(new LabFrame(LabFrame.DATA, at + n == body.length ? LabFrame.END_STREAM : 0, stream,
                    Arrays.copyOfRange(body, at, at + n)));
            at += n;
        }
    }

    private void goAway(int code, String why) throws IOException {
        byte[] debug = why.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[8 + debug.length];
        payload[0] = (byte) (lastStreamId >>> 24);
        payload[1] = (byte) (lastStreamId >>> 16);
        payload[2] = (byte) (lastStreamId >>> 8);
        payload[3] = (byte) lastStreamId;
        payload[7] = (byte) code;
        System.arraycopy(debug, 0, payload, 8, debug.length);
        send(new LabFrame(LabFrame.GOAWAY, 0, 0, payload));
        out.flush();
    }

    private void send(LabFrame frame) throws IOException {
        frame.writeTo(out);
    }
}
