package navemu.tls.core.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.time.Duration;

import navemu.api.NavigationException;
import navemu.api.result.TlsInfo;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.record.RecordLayer;

/**
 * Runs one TLS 1.2 handshake ({@link Tls12ClientHandshake}) over a connection and returns the
 * channel; every failure becomes a browser error through {@link HandshakeFailures}. The plain
 * class behind the tls12-rsa component, usable from tests.
 */
public final class Tls12Client {
    /** When the request gives no read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private final Tls12ClientConfig config;

    public Tls12Client(Tls12ClientConfig config) {
        this.config = config;
    }

    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        trace = trace == null ? StepTrace.NONE : trace;
        Duration timeout = request.readTimeout() == null ? DEFAULT_READ_TIMEOUT : request.readTimeout();
        TlsInfo info = new TlsInfo();
        MessageLog log = new MessageLog(trace, info, context.keyLog());
        HandshakeIo io = null;
        try {
            connection.setReadTimeout(timeout);
            RecordLayer records = new RecordLayer(new BufferedInputStream(connection.input(), 1 << 15),
                    new BufferedOutputStream(connection.output(), 1 << 15));
            io = new HandshakeIo(records, log);
            Tls12ClientHandshake handshake = new Tls12ClientHandshake(request, context, config, io, log);
            info.sni = handshake.sni();
            if (request.earlyData() != null) {
                log.info("TLS 1.2 has no 0-RTT: the request will go after the handshake");
            }
            Tls12ClientHandshake.Result result = handshake.handshake();
            return channel(connection, io, log, result);
        } catch (IOException | RuntimeException e) {
            throw HandshakeFailures.map(e, io, log, connection, timeout);
        }
    }

    /** Fills the result's TLS fields and wraps the connection (also used by the browser client). */
    public static SecureChannel channel(Connection connection, HandshakeIo io, MessageLog log, Tls12ClientHandshake.Result result) {
        TlsInfo info = log.info();
        info.version = "TLSv1.2";
        info.cipherSuite = result.suite().name();
        info.group = result.group() == null ? null : result.group().rfcName();
        info.alpn = result.alpn();
        info.resumed = result.resumed();
        log.trace().detail("resumed", result.resumed());
        // TLS round trips before the first request byte may go: full 2 (RFC 5246 §7.3 Figure 1), abbreviated 1 (Figure 2).
        log.trace().detail("tlsRoundTripsBeforeRequest", result.resumed() ? 1 : 2);
        log.trace().detail("keyExchange", result.resumed() ? "none (resumed)" : result.suite().keyExchange().name());
        return new Tls12Channel(connection, io, log, result.verdict());
    }
}
