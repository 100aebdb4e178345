package navemu.tls.core.client;

import navemu.api.NavigationException;
import navemu.api.session.SessionKey;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * navemu's own TLS 1.3 client ({@link Tls13ClientHandshake}) over a connection; the run
 * ({@link HandshakeRun}) turns every failure into a browser error. The plain class behind the
 * tls13-ecdhe component, usable from tests.
 */
public final class Tls13Client {
    private final Tls13ClientConfig config;

    public Tls13Client(Tls13ClientConfig config) {
        this.config = config;
    }

    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        return HandshakeRun.run(request, connection, context, trace, (io, log) -> {
            io.dropChangeCipherSpec(true); // middlebox compatibility (RFC 8446 §D.4)
            Tls13ClientHandshake handshake = new Tls13ClientHandshake(request, context, config, io, log);
            log.sni(handshake.sni());
            return channel(connection, io, log, handshake, handshake.handshake(), request, context);
        });
    }

    /** Fills the result's TLS fields and wraps the connection (also used by the browser client). */
    static SecureChannel channel(Connection connection, HandshakeIo io, MessageLog log, Tls13ClientHandshake handshake,
                                        Tls13Channel.Keys keys, TlsRequest request, TlsContext context) {
        log.established("TLSv1.3", keys.suite().name(), handshake.group().rfcName(), keys.alpn(), handshake.resumed(),
                keys.earlyDataAccepted());
        log.trace().detail("helloRetryRequest", handshake.hadHelloRetryRequest());
        log.trace().detail("resumed", handshake.resumed());
        // TLS round trips before the first request byte may go: 1 (2 after a HelloRetryRequest), 0 when it went as 0-RTT.
        log.trace().detail("tlsRoundTripsBeforeRequest", keys.earlyDataAccepted() ? 0 : handshake.hadHelloRetryRequest() ? 2 : 1);
        SessionKey sessionKey = new SessionKey(request.host(), request.port(), handshake.sni());
        return new Tls13Channel(connection, io, log, keys, context.sessions(), sessionKey, handshake.elapsedNow());
    }

}
