package navemu.navigator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The origins (scheme, host, port) whose server answered an HTTP/2 stream with HTTP_1_1_REQUIRED
 * (RFC 9113 §7, 0xd): their new connections offer ALPN {@code http/1.1} only, for the rest of the
 * navigator's life. Chromium keeps the same list in {@code HttpServerProperties}
 * (net/http/http_server_properties.cc: {@code SetHTTP11Required}, and {@code MaybeForceHTTP11},
 * which leaves {@code alpn_protos = {http/1.1}}); its {@code Clear()} leaves that list alone, so
 * {@code sessions clear} does not forget it here either.
 *
 * <p>A server can name any number of origins (one per port): the list keeps the most recent
 * {@link #MAX_ORIGINS}, forgetting the oldest, so it never grows without bound.
 */
final class Http11RequiredOrigins {
    /** More than a session visits; a bound only so that a hostile lab cannot grow it forever. */
    static final int MAX_ORIGINS = 1000;

    private final Map<String, Boolean> origins = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    /** Remembers that the server of {@code origin} ({@code https://host:port}) requires HTTP/1.1. */
    synchronized void add(String origin) {
        origins.put(origin, Boolean.TRUE);
    }

    /** Whether the server of {@code origin} said it requires HTTP/1.1. */
    synchronized boolean contains(String origin) {
        return origins.containsKey(origin);
    }

    synchronized int size() {
        return origins.size();
    }
}
