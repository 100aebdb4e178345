package navemu.tls.core.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import navemu.api.cert.CertVerdict;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.tls.core.alert.Alert;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.PeerAlertException;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;

/**
 * A TLS 1.2 connection after the handshake (RFC 5246 §6, §7.2): application data both ways.
 * A HelloRequest (renegotiation) is answered with a no_renegotiation warning, as browsers do
 * (RFC 5746 §4.2); close_notify ends reading; {@link #close} sends ours.
 */
public final class Tls12Channel implements SecureChannel {
    private final Connection connection;
    private final HandshakeIo io;
    private final MessageLog log;
    private final CertVerdict verdict;
    private final Object writeLock = new Object();
    private boolean readClosed;
    private boolean writeClosed;
    private final AppDataInput input = new AppDataInput();
    private final AppDataOutput output = new AppDataOutput();

    public Tls12Channel(Connection connection, HandshakeIo io, MessageLog log, CertVerdict verdict) {
        this.connection = connection;
        this.io = io;
        this.log = log;
        this.verdict = verdict;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public TlsInfo info() {
        return log.info();
    }

    @Override
    public CertVerdict verdict() {
        return verdict;
    }

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

    /** The next application data; null at close_notify. */
    private byte[] readApplicationData() throws IOException {
        while (true) {
            HandshakeMessage pending = io.assembler.next();
            if (pending != null) {
                if (pending.typeCode() == 0 /* hello_request */) {
                    log.received("HelloRequest", pending.length(), Map.of("answer", "no_renegotiation (warning)"));
                    synchronized (writeLock) {
                        io.records.writeAlert(AlertDescription.LEVEL_WARNING, AlertDescription.NO_RENEGOTIATION);
                    }
                    continue;
                }
                fail(new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        HandshakeType.nameOf(pending.typeCode()) + " after the handshake (RFC 5246 §7.4)"));
            }
            TlsRecord record;
            try {
                record = io.records.read();
            } catch (TlsAlertException e) {
                fail(e);
                throw e;
            }
            switch (record.type()) {
                case APPLICATION_DATA:
                    if (record.fragment().length > 0) {
                        return record.fragment();
                    }
                    break;
                case HANDSHAKE:
                    io.assembler.add(record.fragment());
                    break;
                case ALERT:
                    Alert alert = Alert.decode(record.fragment());
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("level", String.valueOf(alert.level()));
                    fields.put("description", alert.description() == null ? String.valueOf(alert.code()) : alert.description().rfcName());
                    log.receivedRecord("Alert", 2, fields);
                    if (alert.isCloseNotify()) {
                        log.info("server sent close_notify: no more data from it (RFC 5246 §7.2.1)");
                        return null;
                    }
                    if (alert.level() == AlertDescription.LEVEL_WARNING) {
                        break;
                    }
                    readClosed = true;
                    synchronized (writeLock) {
                        writeClosed = true;
                    }
                    throw new PeerAlertException(alert.level(), alert.code());
                default:
                    fail(new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "a " + record.type().rfcName() + " record after the handshake (RFC 5246 §7.1)"));
            }
        }
    }

    private void fail(TlsAlertException e) throws TlsAlertException {
        readClosed = true;
        synchronized (writeLock) {
            writeClosed = true;
            io.sendAlert(e.alert());
        }
        throw e;
    }

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
            Tls12Channel.this.close();
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
                    io.records.write(ContentType.APPLICATION_DATA, pending.toByteArray());
                    pending.reset();
                }
                io.records.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            Tls12Channel.this.close();
        }
    }
}
