package navemu.navigator.http2;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import navemu.navigator.http.Http11Transport;
import navemu.navigator.http.HttpTransport;

/** Chooses the transport for the protocol a connection agreed on, and the ALPN list to offer. */
public final class HttpTransports {
    /** What Chrome offers in ALPN (its ClientHello): HTTP/2 first, then HTTP/1.1. */
    public static final List<String> ALPN_WITH_H2 = List.of("h2", "http/1.1");
    public static final List<String> ALPN_HTTP11_ONLY = List.of("http/1.1");

    private HttpTransports() {
    }

    /** The navigator's setting (pid {@code navemu.navigator}) that turns the h2 offer off, for comparison. */
    public static final String SETTING = "http2";

    /** The ALPN list to offer: with h2 unless the navigator's {@code http2} setting turned it off. */
    public static List<String> alpnOffer(boolean http2) {
        return http2 ? ALPN_WITH_H2 : ALPN_HTTP11_ONLY;
    }

    /**
     * @param alpn       the protocol ALPN selected, or null when the server selected none (then
     *                   HTTP/1.1, RFC 7301 §3.2: a client assumes the protocol it would speak without ALPN)
     * @param hostHeader the request's Host, which HTTP/1.1 shows in the trace
     */
    public static HttpTransport forProtocol(String alpn, InputStream in, OutputStream out, String hostHeader) {
        if ("h2".equals(alpn)) {
            return new Http2Transport(in, out, "https");
        }
        return new Http11Transport(in, out, hostHeader);
    }
}
