package navemu.tls.core.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;

/**
 * The record layer (RFC 8446 §5) over a byte stream: reads whole records, checks their size,
 * removes protection; splits outgoing data into records of at most 2^14 bytes and protects
 * them. Reads wait as long as the stream's own read timeout allows.
 */
public final class RecordLayer {
    private final InputStream in;
    private final OutputStream out;
    private RecordProtection readProtection = RecordProtection.NONE;
    private RecordProtection writeProtection = RecordProtection.NONE;
    private boolean dropChangeCipherSpec;
    private Runnable droppedChangeCipherSpec = () -> { };
    /**
     * Set when the first TLS 1.3 read keys are installed and never cleared, whatever later key
     * changes happen (RFC 8446 §5: from then on every record but the compatibility
     * change_cipher_spec is protected). A flag that a key change reset would let a plaintext
     * close_notify after the handshake or after a KeyUpdate end the stream "cleanly": a
     * truncation attack. rustls keeps the same state per connection for the same reason.
     */
    private boolean tls13KeysInstalled;
    /** The record version every record must carry from the ServerHello on (TLS 1.2), or -1 while any is fine. */
    private int requiredVersion = -1;
    private int emptyRecordsInARow;
    private long bytesRead;
    private long bytesWritten;

    public RecordLayer(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** New read keys; the sequence number starts again at 0 (RFC 8446 §5.3). */
    public void setReadProtection(RecordProtection protection) {
        this.readProtection = protection;
        if (protection.hidesContentType()) {
            tls13KeysInstalled = true;
        }
    }

    /** True once TLS 1.3 read keys were installed on this connection; it stays true (see the field). */
    public boolean tls13KeysInstalled() {
        return tls13KeysInstalled;
    }

    /**
     * From now on every record must carry {@code version} (TLS 1.2 after the ServerHello: RFC 5246
     * §6.2.1 has the record carry the negotiated version). Another version is a protocol_version
     * alert, as BoringSSL ({@code tls_open_record}: SSL_R_WRONG_VERSION_NUMBER) and OpenSSL
     * ({@code ssl3_get_record}) answer. BoringSSL checks only protected records; OpenSSL checks every
     * record after the ServerHello, which is what we do: a changed version is never harmless.
     */
    public void requireRecordVersion(int version) {
        this.requiredVersion = version;
    }

    /** Whether the records we send are protected (by any keys, 0-RTT ones included). */
    public boolean writeProtected() {
        return writeProtection.active();
    }

    public void setWriteProtection(RecordProtection protection) {
        this.writeProtection = protection;
    }

    public RecordProtection readProtection() {
        return readProtection;
    }

    /**
     * TLS 1.3 middlebox compatibility (RFC 8446 §5, §D.4): while on, an unprotected
     * change_cipher_spec record holding the single byte 0x01 is dropped; any other
     * change_cipher_spec is an unexpected_message. While off, such records are handed up
     * (TLS 1.2 needs them; a TLS 1.3 client rejects them).
     */
    public void dropChangeCipherSpec(boolean on) {
        this.dropChangeCipherSpec = on;
    }

    /** Told of each change_cipher_spec dropped under {@link #dropChangeCipherSpec}: it crossed the wire, so the trace shows it. */
    public void onDroppedChangeCipherSpec(Runnable listener) {
        this.droppedChangeCipherSpec = listener == null ? () -> { } : listener;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /**
     * BoringSSL's kMaxEmptyRecords: a peer could otherwise keep us busy forever with records that
     * carry nothing (each costs a decryption) and never make progress.
     */
    public static final int MAX_EMPTY_RECORDS_IN_A_ROW = 32;

    /** Reads the next record and removes its protection. */
    public TlsRecord read() throws IOException {
        while (true) {
            TlsRecord wire = readWire();
            if (wire.type() == ContentType.CHANGE_CIPHER_SPEC && dropChangeCipherSpec) {
                if (wire.fragment().length != 1 || wire.fragment()[0] != 1) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "change_cipher_spec record must be the single byte 0x01 (RFC 8446 §5)");
                }
                droppedChangeCipherSpec.run();
                continue;
            }
            return countingEmpty(withoutEmptyHandshake(open(wire)));
        }
    }

    private TlsRecord open(TlsRecord wire) throws TlsAlertException {
        if (tls13KeysInstalled) {
            // RFC 8446 §5: once keys are in place, everything comes protected (outer type
            // application_data); an unprotected alert — close_notify included — could come from
            // anyone on the path, so it is refused, not believed.
            if (wire.type() != ContentType.APPLICATION_DATA) {
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "unprotected " + wire.type().rfcName() + " record after TLS 1.3 keys were established (RFC 8446 §5)");
            }
            return withinPlaintextLimit(readProtection.unprotect(wire));
        }
        if (!readProtection.active() || wire.type() == ContentType.CHANGE_CIPHER_SPEC) {
            // TLS 1.2's change_cipher_spec is never protected by the keys it switches on and is
            // the caller's business (RFC 5246 §7.1).
            return wire;
        }
        // TLS 1.2: every record after the keys change is protected, whatever its type.
        return withinPlaintextLimit(readProtection.unprotect(wire));
    }

    /** RFC 8446 §5.1: zero-length handshake fragments are forbidden, even protected ones (even padded). */
    private static TlsRecord withoutEmptyHandshake(TlsRecord opened) throws TlsAlertException {
        if (opened.type() == ContentType.HANDSHAKE && opened.fragment().length == 0) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "zero-length handshake record (RFC 8446 §5.1)");
        }
        return opened;
    }

    private TlsRecord countingEmpty(TlsRecord opened) throws TlsAlertException {
        if (opened.fragment().length > 0) {
            emptyRecordsInARow = 0;
        } else if (++emptyRecordsInARow > MAX_EMPTY_RECORDS_IN_A_ROW) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "more than " + MAX_EMPTY_RECORDS_IN_A_ROW + " empty records in a row");
        }
        return opened;
    }

    /** Whatever the protection, what comes out of it is at most 2^14 bytes (RFC 8446 §5.2, RFC 5246 §6.2.3). */
    private static TlsRecord withinPlaintextLimit(TlsRecord opened) throws TlsAlertException {
        if (opened.fragment().length > TlsRecord.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
                    "decrypted " + opened.type().rfcName() + " record of " + opened.fragment().length + " bytes exceeds 2^14");
        }
        return opened;
    }

    private TlsRecord readWire() throws IOException {
        byte[] header = new byte[TlsRecord.HEADER_LENGTH];
        int got = readFully(header);
        if (got == 0) {
            throw new PeerClosedException("the server closed the connection");
        }
        if (got < header.length) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "connection closed inside a record header (" + got + " of 5 bytes)");
        }
        ContentType type = ContentType.of(header[0] & 0xff);
        if (type == null) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "record of unknown content type " + (header[0] & 0xff) + " (RFC 8446 §5)");
        }
        int version = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        if (requiredVersion >= 0 && version != requiredVersion) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, type.rfcName() + " record of version 0x"
                    + Integer.toHexString(version) + " after the server chose 0x" + Integer.toHexString(requiredVersion)
                    + " (RFC 5246 §6.2.1)");
        }
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        boolean protectedRecord = readProtection.active() && type != ContentType.CHANGE_CIPHER_SPEC
                && (type == ContentType.APPLICATION_DATA || !readProtection.hidesContentType());
        int max = protectedRecord ? readProtection.maxWireFragment() : TlsRecord.MAX_PLAINTEXT;
        if (length > max) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
                    type.rfcName() + " record of " + length + " bytes exceeds the limit of " + max + " (RFC 8446 §5.1, §5.2)");
        }
        if (length == 0 && type != ContentType.APPLICATION_DATA) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "zero-length " + type.rfcName() + " record (RFC 8446 §5.1)");
        }
        byte[] fragment = new byte[length];
        int body = readFully(fragment);
        if (body < length) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "truncated record: the header promised " + length + " bytes, the connection closed after " + body);
        }
        bytesRead += TlsRecord.HEADER_LENGTH + length;
        return new TlsRecord(type, version, fragment);
    }

    private int readFully(byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /** Protects {@code data} and writes it as records of at most 2^14 bytes (not flushed). */
    public void write(ContentType type, byte[] data) throws IOException {
        int offset = 0;
        do {
            int n = Math.min(TlsRecord.MAX_PLAINTEXT, data.length - offset);
            byte[] fragment = Arrays.copyOfRange(data, offset, offset + n);
            byte[] wire = writeProtection.protect(type, fragment).encode();
            out.write(wire);
            bytesWritten += wire.length;
            offset += n;
        } while (offset < data.length);
    }

    /**
     * The dummy change_cipher_spec of middlebox compatibility mode (RFC 8446 §D.4): always
     * unprotected, whatever the write keys.
     */
    public void writeChangeCipherSpec() throws IOException {
        byte[] wire = new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, 0x0303, new byte[] {1}).encode();
        out.write(wire);
        bytesWritten += wire.length;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Sends an alert (RFC 8446 §6) under the current write protection and flushes. */
    public void writeAlert(int level, AlertDescription description) throws IOException {
        write(ContentType.ALERT, new byte[] {(byte) level, (byte) description.code()});
        flush();
    }
}
