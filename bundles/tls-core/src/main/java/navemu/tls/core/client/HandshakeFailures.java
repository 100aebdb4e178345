package navemu.tls.core.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import navemu.api.NetError;
import navemu.api.result.TlsMessage;
import navemu.api.tcp.Connection;
import navemu.api.tls.HandshakeFailedException;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.PeerAlertException;
import navemu.tls.core.alert.TlsAlertException;

/**
 * Turns every way a client handshake can fail into a browser error, keeping what was learned:
 * a rule the server broke → our alert goes out and its error is reported; the server's own
 * alert → its error; silence → ERR_TIMED_OUT; a closed connection → ERR_CONNECTION_CLOSED; our
 * own bug → internal_error and ERR_SSL_PROTOCOL_ERROR. The connection is closed in every case,
 * and the result is a {@link HandshakeFailedException} holding the partial TlsInfo (messages
 * exchanged so far, what was negotiated), so the user sees how far the handshake got.
 */
final class HandshakeFailures {
    private HandshakeFailures() {
    }

    /** @param io null when the failure came before the record layer existed */
    static HandshakeFailedException map(Exception failure, HandshakeIo io, MessageLog log, Connection connection,
                                               Duration timeout) {
        String waiting = io != null ? " while we waited for " + io.waitingFor() : "";
        String failedAt = io != null ? io.waitingFor() : "the connection";
        HandshakeFailedException out;
        if (failure instanceof TlsAlertException e) {
            if (io != null) {
                io.sendAlert(e.alert());
            }
            // Our alert judges a message the server sent: name that one, not the next one we would have read.
            log.failed(lastReceived(log, failedAt), e.alert().rfcName(), e.getMessage(), null);
            out = new HandshakeFailedException(e.error(), "TLS handshake failed: " + e.getMessage()
                    + " — sent " + e.alert().rfcName() + " alert", log.info(), e);
        } else if (failure instanceof PeerAlertException e) {
            log.failed(failedAt, null, null, e.description() == null ? "unknown alert " + e.code() : e.description().rfcName());
            out = new HandshakeFailedException(e.error(), "TLS handshake failed: " + e.getMessage() + waiting, log.info(), e);
        } else if (failure instanceof SocketTimeoutException) {
            out = new HandshakeFailedException(NetError.ERR_TIMED_OUT, "TLS handshake timed out: no answer within "
                    + timeout.toMillis() + " ms" + (io != null ? waiting : " while we waited for the connection"), log.info(), failure);
        } else if (failure instanceof EOFException) {
            out = new HandshakeFailedException(NetError.ERR_CONNECTION_CLOSED, "TLS handshake failed: "
                    + failure.getMessage() + waiting, log.info(), failure);
        } else if (failure instanceof SocketException) {
            out = new HandshakeFailedException(NetError.ERR_CONNECTION_RESET, "TLS handshake failed: the connection broke ("
                    + failure.getMessage() + ")" + waiting, log.info(), failure);
        } else {
            // IOException or RuntimeException of our own making, not the server's: say so with
            // internal_error (RFC 8446 §6.2, RFC 5246 §7.2.2).
            if (io != null) {
                io.sendAlert(AlertDescription.INTERNAL_ERROR);
            }
            log.failed(failedAt, io != null ? AlertDescription.INTERNAL_ERROR.rfcName() : null, "a failure inside the client: " + failure, null);
            out = new HandshakeFailedException(NetError.ERR_SSL_PROTOCOL_ERROR,
                    "TLS handshake failed inside the client: " + failure, log.info(), failure);
        }
        if (log.info().failedAt == null) {
            log.failed(failedAt, null, null, null);
        }
        closeQuietly(connection);
        return out;
    }

    /** The last handshake message the server sent us, or {@code fallback} when there was none. */
    private static String lastReceived(MessageLog log, String fallback) {
        synchronized (log.info()) {
            for (int i = log.info().messages.size() - 1; i >= 0; i--) {
                TlsMessage m = log.info().messages.get(i);
                if (TlsMessage.SERVER_TO_CLIENT.equals(m.dir())) {
                    return m.type();
                }
            }
        }
        return fallback;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
