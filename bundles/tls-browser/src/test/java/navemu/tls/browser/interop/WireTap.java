package navemu.tls.browser.interop;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import navemu.api.tcp.Connection;
import navemu.tls.core.handshake.HandshakeMessage;

/**
 * A connection that keeps a copy of every byte the client wrote and read, so a test can parse
 * the hellos exactly as they crossed the wire (not as the client's trace describes them).
 */
final class WireTap implements Connection {
    private final Connection connection;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();

    WireTap(Connection connection) {
        this.connection = connection;
    }

    /** What the client sent, so far. */
    synchronized byte[] clientBytes() {
        return written.toByteArray();
    }

    /** What the client received, so far. */
    synchronized byte[] serverBytes() {
        return read.toByteArray();
    }

    @Override
    public InputStream input() throws IOException {
        return new FilterInputStream(connection.input()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    synchronized (WireTap.this) {
                        read.write(b);
                    }
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    synchronized (WireTap.this) {
                        read.write(buffer, offset, n);
                    }
                }
                return n;
            }
        };
    }

    @Override
    public OutputStream output() throws IOException {
        return new FilterOutputStream(connection.output()) {
            @Override
            public void write(int b) throws IOException {
                synchronized (WireTap.this) {
                    written.write(b);
                }
                out.write(b);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                synchronized (WireTap.this) {
                    written.write(buffer, offset, length);
                }
                out.write(buffer, offset, length);
            }
        };
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        connection.setReadTimeout(timeout);
    }

    @Override
    public InetSocketAddress remote() {
        return connection.remote();
    }

    @Override
    public InetSocketAddress local() {
        return connection.local();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    /**
     * The handshake messages carried in plaintext handshake records (content type 22) of one
     * direction, in order, up to the one after which {@code done} holds; records of other types
     * (change_cipher_spec, encrypted application_data) are passed over. Stop before encrypted
     * handshake records (TLS 1.2's Finished): {@code done} must hold by then.
     */
    static List<HandshakeMessage> plaintextHandshake(byte[] stream, Predicate<List<HandshakeMessage>> done) {
        List<HandshakeMessage> messages = new ArrayList<>();
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        int consumed = 0;
        for (int at = 0; at + 5 <= stream.length; ) {
            int type = stream[at] & 0xff;
            int length = ((stream[at + 3] & 0xff) << 8) | (stream[at + 4] & 0xff);
            if (at + 5 + length > stream.length) {
                break;
            }
            if (type == 22) {
                handshake.write(stream, at + 5, length);
                byte[] buffer = handshake.toByteArray();
                while (consumed + 4 <= buffer.length) {
                    int bodyLength = ((buffer[consumed + 1] & 0xff) << 16) | ((buffer[consumed + 2] & 0xff) << 8) | (buffer[consumed + 3] & 0xff);
                    if (consumed + 4 + bodyLength > buffer.length) {
                        break;
                    }
                    messages.add(new HandshakeMessage(buffer[consumed] & 0xff,
                            Arrays.copyOfRange(buffer, consumed + 4, consumed + 4 + bodyLength)));
                    consumed += 4 + bodyLength;
                    if (done.test(messages)) {
                        return messages;
                    }
                }
            }
            at += 5 + length;
        }
        throw new AssertionError("the " + messages.size() + " plaintext handshake messages on the wire are not all expected: "
                + messages.stream().map(HandshakeMessage::name).toList());
    }
}
