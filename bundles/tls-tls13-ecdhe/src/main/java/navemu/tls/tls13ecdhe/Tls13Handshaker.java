package navemu.tls.tls13ecdhe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.result.TlsInfo;
import navemu.api.session.SessionKey;
import navemu.api.tcp.Connection;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.alert.PeerAlertException;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.record.RecordLayer;

/**
 * Runs one handshake over a connection and turns every way it can fail into a browser error:
 * a rule the server broke → the alert goes to the server and its error to the result; the
 * server's own alert → its error; silence → ERR_TIMED_OUT; a closed connection →
 * ERR_CONNECTION_CLOSED. The plain class behind the OSGi component, usable from tests.
 */
public final class Tls13Handshaker {
    /** When the request gives no read timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private final ClientConfig config;

    public Tls13Handshaker(ClientConfig config) {
        this.config = config;
    }

    public SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException {
        trace = trace == null ? StepTrace.NONE : trace;
        Duration timeout = request.readTimeout() == null ? DEFAULT_READ_TIMEOUT : request.readTimeout();
        TlsInfo info = new TlsInfo();
        MessageLog log = new MessageLog(trace, info, context.keyLog());
        HandshakeIo io = null;
        ClientHandshake handshake = null;
        try {
            connection.setReadTimeout(timeout);
            RecordLayer records = new RecordLayer(new BufferedInputStream(connection.input(), 1 << 15),
                    new BufferedOutputStream(connection.output(), 1 << 15));
            records.dropChangeCipherSpec(true);
            io = new HandshakeIo(records, log);
            handshake = new ClientHandshake(request, context, config, io, log);
            info.sni = handshake.sni();
            Tls13Channel.Keys keys = handshake.handshake();
            info.version = "TLSv1.3";
            info.cipherSuite = keys.suite().name();
            info.group = handshake.group().rfcName();
            info.alpn = keys.alpn();
            info.resumed = false;
            trace.detail("helloRetryRequest", handshake.hadHelloRetryRequest());
            SessionKey sessionKey = new SessionKey(request.host(), request.port(), handshake.sni());
            return new Tls13Channel(connection, io, log, keys, context.sessions(), sessionKey, handshake.now());
        } catch (TlsAlertException e) {
            if (io != null) {
                io.sendAlert(e.alert());
            }
            closeQuietly(connection);
            throw new NavigationException(e.error(), "TLS handshake failed: " + e.getMessage()
                    + " — sent " + e.alert().rfcName() + " alert", e);
        } catch (PeerAlertException e) {
            closeQuietly(connection);
            throw new NavigationException(e.error(), "TLS handshake failed: " + e.getMessage()
                    + (io != null ? " while we waited for " + io.waitingFor() : ""), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(connection);
            throw new NavigationException(NetError.ERR_TIMED_OUT, "TLS handshake timed out: no answer within "
                    + timeout.toMillis() + " ms while we waited for " + (io != null ? io.waitingFor() : "the connection"), e);
        } catch (EOFException e) {
            closeQuietly(connection);
            throw new NavigationException(NetError.ERR_CONNECTION_CLOSED, "TLS handshake failed: " + e.getMessage()
                    + (io != null ? " while we waited for " + io.waitingFor() : ""), e);
        } catch (SocketException e) {
            closeQuietly(connection);
            throw new NavigationException(NetError.ERR_CONNECTION_RESET, "TLS handshake failed: the connection broke ("
                    + e.getMessage() + ")" + (io != null ? " while we waited for " + io.waitingFor() : ""), e);
        } catch (IOException | RuntimeException e) {
            // Our own fault, not the server's: say so with internal_error (RFC 8446 §6.2).
            if (io != null) {
                io.sendAlert(navemu.tls.core.alert.AlertDescription.INTERNAL_ERROR);
            }
            closeQuietly(connection);
            throw new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "TLS handshake failed inside the client: " + e, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
