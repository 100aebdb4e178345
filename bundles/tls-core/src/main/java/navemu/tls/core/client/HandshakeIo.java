package navemu.tls.core.client;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import navemu.api.tcp.Connection;
import navemu.tls.core.alert.Alert;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.PeerAlertException;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.handshake.HandshakeAssembler;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.PeerClosedException;
import navemu.tls.core.record.RecordLayer;
import navemu.tls.core.record.RecordProtection;
import navemu.tls.core.record.TlsRecord;

/**
 * Handshake messages over the record layer: sends and receives whole messages, reports each one,
 * turns the server's alerts into exceptions, and remembers what it is waiting for so a timeout
 * can say so.
 *
 * <p>The record layer and the message assembler are private: every key change goes through
 * {@link #changeReadKeys} / {@link #changeWriteKeys}, so the rule that a handshake message may
 * not span a key change (RFC 8446 §5.1) is checked in one place, not remembered by each caller.
 */
final class HandshakeIo {
    /** hello_request (RFC 5246 §7.4): TLS 1.2 only; reserved in TLS 1.3. */
    private static final int HELLO_REQUEST = 0;
    /** Records are read and written through buffers that grow on demand up to this size (one full record and change). */
    private static final int BUFFER = 1 << 15;
    /** Where those buffers start: a handshake flight of ours, or a server's first read, fits. */
    private static final int INITIAL_BUFFER = 1 << 12;
    private final RecordLayer records;
    private final HandshakeAssembler assembler = new HandshakeAssembler();
    private final MessageLog log;
    private final ReceivedAlerts alerts = new ReceivedAlerts();
    private String waitingFor = "nothing";
    private boolean alertSent;
    /** Whether a handshake message (a HelloRequest aside) has come from the server: until then an alert answers our ClientHello. */
    private boolean messageReceived;

    HandshakeIo(RecordLayer records, MessageLog log) {
        this.records = records;
        this.log = log;
        records.onDroppedChangeCipherSpec(() -> log.receivedRecord("ChangeCipherSpec", 1, Map.of("note", "dummy, for middlebox compatibility (RFC 8446 §D.4); dropped")));
    }

    /** A record layer of its own over the connection's streams. */
    static HandshakeIo over(Connection connection, MessageLog log) throws IOException {
        return new HandshakeIo(new RecordLayer(new GrowingBufferedInput(connection.input(), INITIAL_BUFFER, BUFFER),
                new GrowingBufferedOutput(connection.output(), INITIAL_BUFFER, BUFFER)), log);
    }

    String waitingFor() {
        return waitingFor;
    }

    /** Whether the server has sent no handshake message yet: what it sends now answers our (first) ClientHello. */
    boolean answeringClientHello() {
        return !messageReceived;
    }

    // ---- keys and record rules ---------------------------------------------------------------

    /**
     * New read keys after {@code afterMessage}. A handshake message must not span a key change
     * (RFC 8446 §5.1): bytes still buffered are an unexpected_message.
     */
    void changeReadKeys(RecordProtection keys, String afterMessage) throws TlsAlertException {
        assembler.checkKeyChangeBoundary(afterMessage);
        records.setReadProtection(keys);
    }

    /** New write keys: the next record we send uses them. */
    void changeWriteKeys(RecordProtection keys) {
        records.setWriteProtection(keys);
    }

    /**
     * The legacy_record_version of the plaintext records we send while no keys protect them
     * (see {@link RecordProtection#plaintext}); records under keys are unaffected.
     */
    void plaintextRecordVersion(int version) {
        if (!records.writeProtected()) {
            records.setWriteProtection(RecordProtection.plaintext(version));
        }
    }

    /** TLS 1.3 middlebox compatibility: drop the peer's dummy change_cipher_spec (see {@link RecordLayer#dropChangeCipherSpec}). */
    void dropChangeCipherSpec(boolean on) {
        records.dropChangeCipherSpec(on);
    }

    /** TLS 1.2 after the ServerHello: every record must carry {@code version} (see {@link RecordLayer#requireRecordVersion}). */
    void requireRecordVersion(int version) {
        records.requireRecordVersion(version);
    }

    // ---- sending -----------------------------------------------------------------------------

    /** Writes one message (not flushed: a flight goes out with {@link #flush}). */
    void send(String name, HandshakeMessage message, Map<String, String> fields) throws IOException {
        byte[] encoded = message.encode();
        records.write(ContentType.HANDSHAKE, encoded);
        log.sent(name, encoded.length, fields);
    }

    void flush() throws IOException {
        records.flush();
    }

    /** A change_cipher_spec record (the TLS 1.2 one, or TLS 1.3's dummy), shown with {@code fields}. */
    void sendChangeCipherSpec(Map<String, String> fields) throws IOException {
        records.writeChangeCipherSpec();
        log.sentRecord("ChangeCipherSpec", 1, fields);
    }

    /** Application data under the current write keys (not flushed). */
    void sendApplicationData(byte[] data) throws IOException {
        records.write(ContentType.APPLICATION_DATA, data);
    }

    /** A warning alert that does not end the connection (TLS 1.2's no_renegotiation answer). */
    void sendWarning(AlertDescription description) throws IOException {
        records.writeAlert(AlertDescription.LEVEL_WARNING, description);
    }

    // ---- receiving ---------------------------------------------------------------------------

    /** The next message, which must be of {@code expected} type, else unexpected_message (RFC 8446 §6.2). */
    HandshakeMessage expect(HandshakeType expected) throws IOException {
        HandshakeMessage m = receive(expected.messageName());
        if (m.typeCode() != expected.code()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected " + expected.messageName() + ", the server sent " + m.name());
        }
        return m;
    }

    /**
     * The next handshake message, whatever its type. A TLS 1.2 HelloRequest on the way is
     * skipped: a client in the middle of a handshake ignores it, and it is not part of the
     * transcript (RFC 5246 §7.4.1.1). Under TLS 1.3 the type is reserved and reaches the caller,
     * which refuses it like any message out of place.
     */
    HandshakeMessage receive(String what) throws IOException {
        waitingFor = what;
        while (true) {
            HandshakeMessage m = assembler.next();
            if (m != null) {
                if (m.typeCode() == HELLO_REQUEST && !records.tls13KeysInstalled()) {
                    ignoreHelloRequest(m);
                    continue;
                }
                messageReceived = true;
                return m;
            }
            TlsRecord record = readRecord();
            switch (record.type()) {
                case HANDSHAKE:
                    assembler.add(record.fragment());
                    break;
                case ALERT: // only close_notify comes out of readRecord
                    throw new PeerClosedException("the server sent close_notify during the handshake, while we waited for " + waitingFor);
                default:
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "expected " + what + ", the server sent a " + record.type().rfcName() + " record");
            }
        }
    }

    private void ignoreHelloRequest(HandshakeMessage m) throws TlsAlertException {
        if (m.body().length != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "HelloRequest with a " + m.body().length + "-byte body; it is empty (RFC 5246 §7.4.1.1)");
        }
        log.received("HelloRequest", m.length(), Map.of("ignored", "during a handshake (RFC 5246 §7.4.1.1); not in the transcript"));
    }

    /**
     * TLS 1.2's ChangeCipherSpec (RFC 5246 §7.1): a record of its own, the single byte 0x01, that
     * must not split a handshake message; alerts on the way are the server's. The server's new
     * keys read every record after it.
     */
    void expectChangeCipherSpec(RecordProtection serverKeys) throws IOException {
        waitingFor = "ChangeCipherSpec";
        if (assembler.hasPartialMessage() || assembler.next() != null) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "handshake data before the server's ChangeCipherSpec (RFC 5246 §7.1)");
        }
        TlsRecord record = readRecord();
        if (record.type() == ContentType.ALERT) {
            throw new PeerClosedException("the server sent close_notify during the handshake, while we waited for " + waitingFor);
        }
        if (record.type() != ContentType.CHANGE_CIPHER_SPEC) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected ChangeCipherSpec, the server sent a " + record.type().rfcName() + " record (RFC 5246 §7.4.9)");
        }
        if (record.fragment().length != 1 || record.fragment()[0] != 1) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "ChangeCipherSpec must be the single byte 0x01 (RFC 5246 §7.1)");
        }
        log.receivedRecord("ChangeCipherSpec", 1, Map.of());
        records.setReadProtection(serverKeys);
    }

    /**
     * After the handshake: a whole handshake message already buffered (post-handshake messages,
     * a TLS 1.2 HelloRequest), or null.
     */
    HandshakeMessage bufferedMessage() throws TlsAlertException {
        return assembler.next();
    }

    /** After the handshake: a handshake record that {@link #readRecord} returned, for {@link #bufferedMessage}. */
    void buffer(TlsRecord handshakeRecord) {
        assembler.add(handshakeRecord.fragment());
    }

    /**
     * The next record that matters, during the handshake and after it. Alerts are shown in the
     * trace and judged here, once for both versions ({@link ReceivedAlerts}): warnings to ignore
     * are skipped, an error alert is thrown as {@link PeerAlertException}, and only a close_notify
     * comes back as an alert record. Handshake messages must not be interleaved with other record
     * types (RFC 8446 §5.1, and BoringSSL holds TLS 1.2 to the same): any other record while part
     * of a message waits is an unexpected_message.
     */
    TlsRecord readRecord() throws IOException {
        while (true) {
            TlsRecord record = records.read();
            if (record.type() != ContentType.HANDSHAKE && assembler.hasPartialMessage()) {
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "a " + record.type().rfcName()
                        + " record inside a fragmented handshake message (RFC 8446 §5.1)");
            }
            if (record.type() != ContentType.ALERT) {
                alerts.otherRecord();
                return record;
            }
            Alert alert = Alert.decode(record.fragment());
            switch (alerts.meaning(alert, records.tls13KeysInstalled())) {
                case CLOSE:
                    traceAlert(alert, null);
                    return record;
                case IGNORE:
                    traceAlert(alert, records.tls13KeysInstalled() ? "ignored: user_canceled does not end a connection (RFC 8446 §6.1)"
                            : "ignored: a warning does not end a TLS 1.2 connection (RFC 5246 §7.2)");
                    break;
                default:
                    traceAlert(alert, null);
                    throw new PeerAlertException(alert.level(), alert.code());
            }
        }
    }

    private void traceAlert(Alert alert, String note) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("level", alert.level() == AlertDescription.LEVEL_FATAL ? "fatal"
                : alert.level() == AlertDescription.LEVEL_WARNING ? "warning" : String.valueOf(alert.level()));
        fields.put("description", alert.description() == null ? String.valueOf(alert.code()) : alert.description().rfcName());
        if (note != null) {
            fields.put("note", note);
        }
        log.receivedRecord("Alert", 2, fields);
    }

    /** Best effort: the connection may already be gone. Sent at most once. */
    void sendAlert(AlertDescription description) {
        if (alertSent) {
            return;
        }
        alertSent = true;
        int level = description == AlertDescription.CLOSE_NOTIFY || description == AlertDescription.USER_CANCELED
                ? AlertDescription.LEVEL_WARNING : AlertDescription.LEVEL_FATAL;
        try {
            records.writeAlert(level, description);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("level", level == AlertDescription.LEVEL_FATAL ? "fatal" : "warning");
            fields.put("description", description.rfcName());
            log.sentRecord("Alert", 2, fields);
        } catch (IOException e) {
            log.info("could not send the " + description.rfcName() + " alert: " + e.getMessage());
        }
    }
}
