package navemu.tls.core.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import navemu.api.NetError;
import navemu.api.tcp.Connection;
import navemu.api.tls.HandshakeFailedException;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.AlertErrors;
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
        NetError error;
        String message;
        if (failure instanceof TlsAlertException e) {
            if (io != null) {
                io.sendAlert(e.alert());
            }
            // Our alert judges a message the server sent: name that one, not the next one we would have read.
            String lastReceived = log.lastReceived();
            log.failed(lastReceived != null ? lastReceived : failedAt, e.alert().rfcName(), e.getMessage(), null);
            error = e.error();
            message = "TLS handshake failed: " + e.getMessage() + " — sent " + e.alert().rfcName() + " alert";
        } else if (failure instanceof PeerAlertException e) {
            log.failed(failedAt, null, null, e.description() == null ? "unknown alert " + e.code() : e.description().rfcName());
            error = AlertErrors.forReceivedAlert(e.description(), io == null || io.answeringClientHello());
            message = "TLS handshake failed: " + e.getMessage() + waiting;
        } else if (failure instanceof SocketTimeoutException) {
            error = NetError.ERR_TIMED_OUT;
            message = "TLS handshake timed out: no answer within " + timeout.toMillis() + " ms"
                    + (io != null ? waiting : " while we waited for the connection");
        } else if (failure instanceof EOFException) {
            error = NetError.ERR_CONNECTION_CLOSED;
            message = "TLS handshake failed: " + failure.getMessage() + waiting;
        } else if (failure instanceof SocketException) {
            error = NetError.ERR_CONNECTION_RESET;
            message = "TLS handshake failed: the connection broke (" + failure.getMessage() + ")" + waiting;
        } else {
            // IOException or RuntimeException of our own making, not the server's: say so with
            // internal_error (RFC 8446 §6.2, RFC 5246 §7.2.2).
            if (io != null) {
                io.sendAlert(AlertDescription.INTERNAL_ERROR);
            }
            log.failed(failedAt, io != null ? AlertDescription.INTERNAL_ERROR.rfcName() : null, "a failure inside the client: " + failure, null);
            error = NetError.ERR_SSL_PROTOCOL_ERROR;
            message = "TLS handshake failed inside the client: " + failure;
        }
        if (log.failedAt() == null) {
            log.failed(failedAt, null, null, null);
        }
        closeQuietly(connection);
        // The partial TlsInfo is taken once everything about the failure is in it.
        return new HandshakeFailedException(error, message, log.info(), failure);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
