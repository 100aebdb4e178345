package navemu.tls.core.client;

import java.io.IOException;
import java.util.Map;

import navemu.api.cert.CertVerdict;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.record.TlsRecord;

/**
 * A TLS 1.2 connection after the handshake (RFC 5246 §6, §7.2): application data both ways.
 * A HelloRequest (renegotiation) is answered with a no_renegotiation warning, as browsers do
 * (RFC 5746 §4.2); close_notify ends reading; {@link #close} sends ours.
 */
final class Tls12Channel extends RecordChannel {
    private final CertVerdict verdict;

    Tls12Channel(Connection connection, HandshakeIo io, MessageLog log, CertVerdict verdict) {
        super(connection, io, log);
        this.verdict = verdict;
    }

    @Override
    public TlsInfo info() {
        return log.info();
    }

    @Override
    public CertVerdict verdict() {
        return verdict;
    }

    /** The next application data; null at close_notify. */
    @Override
    byte[] readApplicationData() throws IOException {
        while (true) {
            HandshakeMessage pending = io.bufferedMessage();
            if (pending != null) {
                if (pending.typeCode() == 0 /* hello_request */) {
                    log.received("HelloRequest", pending.length(), Map.of("answer", "no_renegotiation (warning)"));
                    synchronized (writeLock) {
                        io.sendWarning(AlertDescription.NO_RENEGOTIATION);
                    }
                    continue;
                }
                fail(new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        HandshakeType.nameOf(pending.typeCode()) + " after the handshake (RFC 5246 §7.4)"));
            }
            TlsRecord record = nextRecord();
            switch (record.type()) {
                case APPLICATION_DATA:
                    if (record.fragment().length > 0) {
                        return record.fragment();
                    }
                    break;
                case HANDSHAKE:
                    io.buffer(record);
                    break;
                case ALERT: // warnings were skipped and error alerts thrown: this is close_notify
                    log.info("server sent close_notify: no more data from it (RFC 5246 §7.2.1)");
                    return null;
                default:
                    fail(new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "a " + record.type().rfcName() + " record after the handshake (RFC 5246 §7.1)"));
            }
        }
    }
}
