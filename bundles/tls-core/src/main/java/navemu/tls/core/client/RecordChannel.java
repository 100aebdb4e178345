package navemu.tls.core.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.PeerAlertException;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.record.TlsRecord;

/**
 * What the TLS 1.2 and TLS 1.3 channels share once the handshake is done: application data as
 * streams over the record layer (reads record by record, writes in records of at most 2^14
 * bytes), and whether each direction is still open. Each version supplies how a record after the
 * handshake is read ({@link #readApplicationData()}) and how the channel closes.
 */
abstract class RecordChannel implements SecureChannel {
    private final Connection connection;
    final HandshakeIo io;
    final MessageLog log;
    final Object writeLock = new Object();
    boolean readClosed;
    boolean writeClosed;
    private final AppDataInput input = new AppDataInput();
    private final AppDataOutput output = new AppDataOutput();

    RecordChannel(Connection connection, HandshakeIo io, MessageLog log) {
        this.connection = connection;
        this.io = io;
        this.log = log;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    /** Sends close_notify (once) and closes the connection underneath (RFC 8446 §6.1, RFC 5246 §7.2.1). */
    @Override
    public void close() throws IOException {
        try {
            synchronized (writeLock) {
                if (!writeClosed) {
                    writeClosed = true;
                    io.sendAlert(AlertDescription.CLOSE_NOTIFY);
                }
            }
        } finally {
            connection.close();
        }
    }

    /** A fatal problem after the handshake: both directions close, the alert goes to the peer, the caller learns why. */
    void fail(TlsAlertException e) throws TlsAlertException {
        readClosed = true;
        synchronized (writeLock) {
            writeClosed = true;
            io.sendAlert(e.alert());
        }
        throw e;
    }

    /**
     * The next record after the handshake ({@link HandshakeIo#readRecord}: alerts are judged
     * there). A rule the server broke fails the connection with our alert; an error alert from the
     * server ends it both ways, and nothing is sent back (RFC 8446 §6.2, RFC 5246 §7.2.2).
     */
    TlsRecord nextRecord() throws IOException {
        try {
            return io.readRecord();
        } catch (TlsAlertException e) {
            fail(e);
            throw e;
        } catch (PeerAlertException e) {
            readClosed = true;
            synchronized (writeLock) {
                writeClosed = true;
            }
            throw e;
        }
    }

    /** The next application data, or null at the peer's close_notify; other record types are handled inside. */
    abstract byte[] readApplicationData() throws IOException;

    private final class AppDataInput extends InputStream {
        private byte[] buffer = new byte[0];
        private int position;
        private boolean eof;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position >= buffer.length) {
                if (eof) {
                    return -1;
                }
                if (readClosed) {
                    throw new IOException("the TLS connection failed earlier and cannot be read");
                }
                byte[] next = readApplicationData();
                if (next == null) {
                    eof = true;
                    return -1;
                }
                buffer = next;
                position = 0;
            }
            int n = Math.min(len, buffer.length - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return buffer.length - position;
        }

        @Override
        public void close() throws IOException {
            RecordChannel.this.close();
        }
    }

    private final class AppDataOutput extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (writeLock) {
                if (writeClosed) {
                    throw new IOException("the TLS connection is closed for writing");
                }
                pending.write(b, off, len);
                if (pending.size() >= TlsRecord.MAX_PLAINTEXT) {
                    flush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (writeLock) {
                if (pending.size() > 0 && !writeClosed) {
                    io.sendApplicationData(pending.toByteArray());
                    pending.reset();
                }
                io.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            RecordChannel.this.close();
        }
    }
}
