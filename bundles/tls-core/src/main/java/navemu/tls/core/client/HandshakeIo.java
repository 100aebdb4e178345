package navemu.tls.core.client;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

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
import navemu.tls.core.record.TlsRecord;

/**
 * Handshake messages over the record layer: sends and receives whole messages, reports each one,
 * turns the server's alerts into exceptions, and remembers what it is waiting for so a timeout
 * can say so.
 */
public final class HandshakeIo {
    /** hello_request (RFC 5246 §7.4): TLS 1.2 only; reserved in TLS 1.3. */
    private static final int HELLO_REQUEST = 0;
    public final RecordLayer records;
    public final HandshakeAssembler assembler = new HandshakeAssembler();
    private final MessageLog log;
    private final ReceivedAlerts alerts = new ReceivedAlerts();
    private String waitingFor = "nothing";
    private boolean alertSent;

    public HandshakeIo(RecordLayer records, MessageLog log) {
        this.records = records;
        this.log = log;
        records.onDroppedChangeCipherSpec(() -> log.receivedRecord("ChangeCipherSpec", 1, Map.of("note", "dummy, for middlebox compatibility (RFC 8446 §D.4); dropped")));
    }

    public String waitingFor() {
        return waitingFor;
    }

    /** Writes one message (not flushed: a flight goes out with {@link #flush}). */
    public void send(String name, HandshakeMessage message, Map<String, String> fields) throws IOException {
        byte[] encoded = message.encode();
        records.write(ContentType.HANDSHAKE, encoded);
        log.sent(name, encoded.length, fields);
    }

    public void flush() throws IOException {
        records.flush();
    }

    /** The next message, which must be of {@code expected} type, else unexpected_message (RFC 8446 §6.2). */
    public HandshakeMessage expect(HandshakeType expected) throws IOException {
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
    public HandshakeMessage receive(String what) throws IOException {
        waitingFor = what;
        while (true) {
            HandshakeMessage m = assembler.next();
            if (m != null) {
                if (m.typeCode() == HELLO_REQUEST && !records.tls13KeysInstalled()) {
                    ignoreHelloRequest(m);
                    continue;
                }
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
     * must not split a handshake message; alerts on the way are the server's.
     */
    public void expectChangeCipherSpec() throws IOException {
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
    }

    /**
     * The next record that matters, during the handshake and after it. Alerts are shown in the
     * trace and judged here, once for both versions ({@link ReceivedAlerts}): warnings to ignore
     * are skipped, an error alert is thrown as {@link PeerAlertException}, and only a close_notify
     * comes back as an alert record. Handshake messages must not be interleaved with other record
     * types (RFC 8446 §5.1, and BoringSSL holds TLS 1.2 to the same): any other record while part
     * of a message waits is an unexpected_message.
     */
    public TlsRecord readRecord() throws IOException {
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
    public void sendAlert(AlertDescription description) {
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
