package navemu.tls.core.client;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * navemu's own TLS 1.2 client ({@link Tls12ClientHandshake}) over a connection; the run
 * ({@link HandshakeRun}) turns every failure into a browser error. The plain class behind the
 * tls12-rsa component, usable from tests.
 */
public final class Tls12Client {
    private final Tls12ClientConfig config;

    public Tls12Client(Tls12ClientConfig config) {
        this.config = config;
    }

    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return HandshakeRun.run(request, connection, context, trace, (io, log) -> {
            Tls12ClientHandshake handshake = new Tls12ClientHandshake(request, context, config, io, log);
            log.sni(handshake.sni());
            if (request.earlyData() != null) {
                log.info("TLS 1.2 has no 0-RTT: the request will go after the handshake");
            }
            return channel(connection, io, log, handshake.handshake());
        });
    }

    /** Fills the result's TLS fields and wraps the connection (also used by the browser client). */
    static SecureChannel channel(Connection connection, HandshakeIo io, MessageLog log, Tls12ClientHandshake.Result result) {
        log.established("TLSv1.2", result.suite().name(), result.group() == null ? null : result.group().rfcName(), result.alpn(),
                result.resumed(), false);
        log.trace().detail("resumed", result.resumed());
        // TLS round trips before the first request byte may go: full 2 (RFC 5246 §7.3 Figure 1), abbreviated 1 (Figure 2).
        log.trace().detail("tlsRoundTripsBeforeRequest", result.resumed() ? 1 : 2);
        log.trace().detail("keyExchange", result.resumed() ? "none (resumed)" : result.suite().keyExchange().name());
        return new Tls12Channel(connection, io, log, result.verdict());
    }
}
