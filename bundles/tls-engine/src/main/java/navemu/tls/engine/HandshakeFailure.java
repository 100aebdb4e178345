package navemu.tls.engine;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.cert.CertVerdict;

/**
 * Turns what the SSLEngine threw into the error a browser would show. JSSE and Conscrypt report alerts
 * and local failures only as exception messages (JSSE in words, Conscrypt as BoringSSL's reason codes,
 * e.g. {@code SSLV3_ALERT_HANDSHAKE_FAILURE}, {@code NO_SHARED_CIPHER}), so the mapping reads those.
 */
final class HandshakeFailure {

    private HandshakeFailure() {
    }

    static NavigationException map(Throwable failure, CertVerdict rejected, Duration readTimeout, String waitingFor) {
        if (rejected != null && !rejected.accepted()) {
            NetError error = rejected.error() != null ? rejected.error() : NetError.ERR_CERT_INVALID;
            return new NavigationException(error, "the cert slot rejected the server's chain: "
                    + (rejected.reason() == null ? error.name() : rejected.reason()), failure);
        }
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        if (timeout != null) {
            return new NavigationException(NetError.ERR_TIMED_OUT, "no TLS data from the server within "
                    + readTimeout.toMillis() + " ms (" + waitingFor + ")", failure);
        }
        EOFException eof = find(failure, EOFException.class);
        if (eof != null) {
            return new NavigationException(NetError.ERR_CONNECTION_CLOSED, eof.getMessage(), failure);
        }
        SocketException socket = find(failure, SocketException.class);
        if (socket != null && String.valueOf(socket.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
            return new NavigationException(NetError.ERR_CONNECTION_RESET, "the server reset the connection during"
                    + " the TLS handshake", failure);
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("tls13_downgrade") || lower.contains("downgrade attack")) {
            // The RFC 8446 §4.1.3 sentinel, which Chrome names so: BoringSSL's SSL_R_TLS13_DOWNGRADE,
            // JSSE's "A potential protocol version downgrade attack".
            return new NavigationException(NetError.ERR_TLS13_DOWNGRADE_DETECTED, "downgrade detected: the server"
                    + " answered TLS 1.2 with the TLS 1.3 downgrade sentinel (DOWNGRD) in its random (RFC 8446 §4.1.3): "
                    + message, failure);
        }
        if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")
                || lower.contains("handshake_failure") || lower.contains("insufficient_security")
                || lower.contains("no cipher suites in common") || lower.contains("no negotiable cipher")
                || lower.contains("unsupported protocol") || lower.contains("unsupported_protocol")
                || lower.contains("no_shared_cipher") || lower.contains("no_shared_group")) {
            return new NavigationException(NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH, "the client and the server"
                    + " share no TLS version or cipher suite: " + message, failure);
        }
        if (lower.contains("closed") && (failure instanceof IOException)
                && !(lower.contains("alert"))) {
            return new NavigationException(NetError.ERR_CONNECTION_CLOSED, message, failure);
        }
        return new NavigationException(NetError.ERR_SSL_PROTOCOL_ERROR, "TLS handshake failed: " + message, failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
