package navemu.api.tls;

import java.time.Duration;
import java.util.List;

/**
 * What the navigator asks of a handshake.
 *
 * @param host        the server name: SNI, hostname check and session key
 * @param port        the server port (part of the session key)
 * @param alpn        protocols to offer, in preference order (e.g. {@code http/1.1})
 * @param earlyData   an idempotent HTTP/1.1 request that may be sent as TLS 1.3 0-RTT data, or null;
 *                    see {@link SecureChannel#earlyDataAccepted()}
 * @param readTimeout the longest any single read may wait
 */
public record TlsRequest(String host, int port, List<String> alpn, byte[] earlyData, Duration readTimeout) {

    public TlsRequest {
        alpn = alpn == null ? List.of() : List.copyOf(alpn);
    }
}
