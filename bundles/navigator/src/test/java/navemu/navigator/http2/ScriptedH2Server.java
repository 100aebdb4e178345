package navemu.navigator.http2;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.twitter.hpack.Encoder;

/**
 * An HTTP/2 server on loopback that plays a script: what a test wants it to send, well-formed or
 * hostile. Frames are built here byte by byte, independently of the client's own codec, and what
 * the client sends is recorded (after the preface) so that a test can check it: SETTINGS values,
 * WINDOW_UPDATE, the GOAWAY or RST_STREAM code it answered with.
 *
 * <p>Given several scripts, it plays one per connection, in the order the client opens them (each
 * on its own thread), and accepts no more connections than it has scripts: a test of a retry
 * counts the connections {@linkplain #accepted() accepted}.
 */
public final class ScriptedH2Server implements AutoCloseable {

    /** The server's side of one connection, handed to the script. */
    public interface Script {
        void play(Side side) throws IOException;
    }

    /** One frame as the server saw it from the client. */
    public record Seen(int type, int flags, int stream, byte[] payload) {
        public long uint32(int at) {
            return ((payload[at] & 0xffL) << 24) | ((payload[at + 1] & 0xffL) << 16) | ((payload[at + 2] & 0xffL) << 8)
                    | (payload[at + 3] & 0xffL);
        }
    }

    private final ServerSocket listener;
    private final Thread thread;
    private final List<Thread> connections = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** The heads of the HTTP/1.1 requests {@link Side#answerHttp11} read, in order. */
    public final List<String> http11Requests = new CopyOnWriteArrayList<>();
    volatile byte[] preface;
    public volatile Throwable failure;

    /** @param perConnection the script of the first connection, then of the second, … */
    public ScriptedH2Server(Script... perConnection) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            for (Script script : perConnection) {
                Socket socket;
                try {
                    socket = listener.accept();
                } catch (IOException closed) {
                    return; // the test is over before the client opened this connection
                }
                accepted.incrementAndGet();
                Thread connection = new Thread(() -> play(socket, script), "scripted-h2-connection-" + accepted.get());
                connection.setDaemon(true);
                connections.add(connection);
                connection.start();
            }
        }, "scripted-h2-server");
        thread.setDaemon(true);
        thread.start();
    }

    private void play(Socket accepted, Script script) {
        try (Socket socket = accepted) {
            socket.setSoTimeout(3000);
            Side side = new Side(socket, new DataInputStream(socket.getInputStream()), socket.getOutputStream());
            byte[] clientPreface = side.in.readNBytes(24);
            side.clientPreface = clientPreface;
            if (preface == null) {
                preface = clientPreface;
            }
            script.play(side);
            if (socket.isClosed()) {
                return; // the script hung up
            }
            side.out.flush();
            side.drain(); // what the client says after the script: its ACKs, WINDOW_UPDATEs, GOAWAY
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    /** How many connections the client opened (at most one per script). */
    public int accepted() {
        return accepted.get();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits until the server has read all the client sent (the client closed its socket first). */
    public void finish() throws InterruptedException {
        thread.join(5000);
        for (Thread connection : connections) {
            connection.join(5000);
        }
    }

    public Seen first(int type) {
        return seen.stream().filter(f -> f.type() == type).findFirst().orElse(null);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    public final class Side {
        final DataInputStream in;
        final OutputStream out;
        final Encoder encoder = new Encoder(4096);
        private final Socket socket;
        /** The first 24 octets this connection's client sent: the HTTP/2 preface, or an HTTP/1.1 request's start. */
        byte[] clientPreface = new byte[0];

        Side(Socket socket, DataInputStream in, OutputStream out) {
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        /** Reads the client's frames until it sent the frame of {@code type} (recording them all). */
        public Seen readUntil(int type) throws IOException {
            while (true) {
                Seen frame = readFrame();
                if (frame.type() == type) {
                    return frame;
                }
            }
        }

        public Seen readFrame() throws IOException {
            byte[] header = in.readNBytes(9);
            if (header.length < 9) {
                throw new java.io.EOFException();
            }
            int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
            int stream = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8) | (header[8] & 0xff);
            byte[] payload = in.readNBytes(length);
            Seen frame = new Seen(header[3] & 0xff, header[4] & 0xff, stream, payload);
            seen.add(frame);
            return frame;
        }

        void drain() {
            try {
                while (true) {
                    readFrame();
                }
            } catch (IOException end) {
                // the client closed, or went quiet
            }
        }

        public void frame(int type, int flags, int stream, byte[] payload) throws IOException {
            out.write(new byte[] {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                    (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                    (byte) stream});
            out.write(payload);
        }

        public void settings(int... idValues) throws IOException {
            byte[] payload = new byte[idValues.length / 2 * 6];
            for (int i = 0; i < idValues.length / 2; i++) {
                payload[i * 6] = (byte) (idValues[2 * i] >>> 8);
                payload[i * 6 + 1] = (byte) idValues[2 * i];
                put32(payload, i * 6 + 2, idValues[2 * i + 1]);
            }
            frame(0x4, 0, 0, payload);
        }

        public void settingsAck() throws IOException {
            frame(0x4, 0x1, 0, new byte[0]);
        }

        /** A header block for {@code nameValues}, HPACK-encoded by the library's own encoder. */
        public byte[] block(String... nameValues) throws IOException {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            for (int i = 0; i < nameValues.length; i += 2) {
                encoder.encodeHeader(block, nameValues[i].getBytes(StandardCharsets.ISO_8859_1),
                        nameValues[i + 1].getBytes(StandardCharsets.ISO_8859_1), false);
            }
            return block.toByteArray();
        }

        public void headers(int stream, boolean endStream, String... nameValues) throws IOException {
            frame(0x1, 0x4 | (endStream ? 0x1 : 0), stream, block(nameValues));
        }

        public void data(int stream, boolean endStream, byte[] bytes) throws IOException {
            frame(0x0, endStream ? 0x1 : 0, stream, bytes);
        }

        public void data(int stream, boolean endStream, String text) throws IOException {
            data(stream, endStream, text.getBytes(StandardCharsets.UTF_8));
        }

        public void goAway(int lastStream, int code) throws IOException {
            byte[] payload = new byte[8];
            put32(payload, 0, lastStream);
            put32(payload, 4, code);
            frame(0x7, 0, 0, payload);
        }

        public void rstStream(int stream, int code) throws IOException {
            byte[] payload = new byte[4];
            put32(payload, 0, code);
            frame(0x3, 0, stream, payload);
        }

        /** The usual opening: the server's SETTINGS, and its ACK of the client's. */
        public void open() throws IOException {
            settings(0x3, 100);
            settingsAck();
        }

        public void flush() throws IOException {
            out.flush();
        }

        /**
         * For a connection on which the client speaks HTTP/1.1 (its ALPN chose it): reads the request's
         * head (its first 24 octets were read as if they were the HTTP/2 preface), keeps it in
         * {@link #http11Requests}, and answers with {@code body} and {@code Connection: close}, or hangs up
         * without a byte when {@code body} is null.
         */
        public void answerHttp11(String body) throws IOException {
            StringBuilder head = new StringBuilder(new String(preface(), StandardCharsets.ISO_8859_1));
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0 || head.length() > 16384) {
                    throw new java.io.EOFException("no whole HTTP/1.1 request head: " + head);
                }
                head.append((char) b);
            }
            http11Requests.add(head.toString());
            if (body == null) {
                hangUp();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            hangUp();
        }

        private byte[] preface() {
            return clientPreface;
        }

        /** Closes the connection, as a server that goes away does. */
        public void hangUp() throws IOException {
            out.flush();
            socket.close();
        }
    }

    static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
