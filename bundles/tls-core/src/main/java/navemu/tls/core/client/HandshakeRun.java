package navemu.tls.core.client;

import java.io.IOException;
import java.time.Duration;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;

/**
 * What every client handshake run shares, in one place: the handshake's read timeout, the
 * record layer over the connection, the result's TLS fields and reporting, and turning every
 * failure into a browser error ({@link HandshakeFailures}: a HandshakeFailedException that keeps
 * the messages exchanged so far).
 */
final class HandshakeRun {
    /** When the request gives no read timeout: how long we wait for each read of the handshake. */
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private HandshakeRun() {
    }

    /** The version-specific part of a run: the handshake itself, over the run's record layer. */
    @FunctionalInterface
    interface Handshake {
        SecureChannel run(HandshakeIo io, MessageLog log) throws IOException;
    }

    static SecureChannel run(TlsRequest request, Connection connection, TlsContext context, StepTrace trace, Handshake handshake)
            throws NavigationException {
        Duration timeout = request.readTimeout() == null ? DEFAULT_READ_TIMEOUT : request.readTimeout();
        MessageLog log = new MessageLog(trace == null ? StepTrace.NONE : trace, context.keyLog());
        HandshakeIo io = null;
        try {
            connection.setReadTimeout(timeout);
            io = HandshakeIo.over(connection, log);
            return handshake.run(io, log);
        } catch (IOException | RuntimeException e) {
            throw HandshakeFailures.map(e, io, log, connection, timeout);
        }
    }
}
