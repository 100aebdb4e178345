package navemu.tls.core.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.time.Duration;

import navemu.api.NavigationException;
import navemu.api.result.TlsInfo;
import navemu.api.session.SessionKey;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.record.RecordLayer;

/**
 * Runs one handshake over a connection; every failure becomes a browser error through
 * {@link HandshakeFailures} (a HandshakeFailedException that keeps the messages exchanged so
 * far). The plain class behind the OSGi component, usable from tests.
 */
public final class Tls13Client {
    /** When the request gives no read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private final Tls13ClientConfig config;

    public Tls13Client(Tls13ClientConfig config) {
        this.config = config;
    }

    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        trace = trace == null ? StepTrace.NONE : trace;
        Duration timeout = request.readTimeout() == null ? DEFAULT_READ_TIMEOUT : request.readTimeout();
        TlsInfo info = new TlsInfo();
        MessageLog log = new MessageLog(trace, info, context.keyLog());
        HandshakeIo io = null;
        Tls13ClientHandshake handshake = null;
        try {
            connection.setReadTimeout(timeout);
            RecordLayer records = new RecordLayer(new BufferedInputStream(connection.input(), 1 << 15),
                    new BufferedOutputStream(connection.output(), 1 << 15));
            records.dropChangeCipherSpec(true);
            io = new HandshakeIo(records, log);
            handshake = new Tls13ClientHandshake(request, context, config, io, log);
            info.sni = handshake.sni();
            return channel(connection, io, log, handshake, handshake.handshake(), request, context);
        } catch (IOException | RuntimeException e) {
            throw HandshakeFailures.map(e, io, log, connection, timeout);
        }
    }

    /** Fills the result's TLS fields and wraps the connection (also used by the browser client). */
    public static SecureChannel channel(Connection connection, HandshakeIo io, MessageLog log, Tls13ClientHandshake handshake,
                                        Tls13Channel.Keys keys, TlsRequest request, TlsContext context) {
        TlsInfo info = log.info();
        info.version = "TLSv1.3";
        info.cipherSuite = keys.suite().name();
        info.group = handshake.group().rfcName();
        info.alpn = keys.alpn();
        info.resumed = handshake.resumed();
        info.earlyData = keys.earlyDataAccepted();
        log.trace().detail("helloRetryRequest", handshake.hadHelloRetryRequest());
        log.trace().detail("resumed", handshake.resumed());
        // TLS round trips before the first request byte may go: 1 (2 after a HelloRetryRequest), 0 when it went as 0-RTT.
        log.trace().detail("tlsRoundTripsBeforeRequest", keys.earlyDataAccepted() ? 0 : handshake.hadHelloRetryRequest() ? 2 : 1);
        SessionKey sessionKey = new SessionKey(request.host(), request.port(), handshake.sni());
        return new Tls13Channel(connection, io, log, keys, context.sessions(), sessionKey, handshake.now());
    }

}
