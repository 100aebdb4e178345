package navemu.dns.doh;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Where DoH queries go.
 *
 * @param url        the URI template's URL as configured, e.g. {@code https://doh.lab.test/dns-query}
 * @param connectTo  the address and port to connect to when navemu found them itself (a zone's DoH
 *                   server, bootstrapped through that zone's DNS server); null: the JDK resolves
 *                   {@code url}'s host with the system's resolver and uses its port
 * @param source     how the endpoint was chosen, for the trace
 */
record DohEndpoint(URI url, InetSocketAddress connectTo, String source) {

    /** The host the TLS certificate must name and the server name (SNI, RFC 6066 §3) to send. */
    String serverName() {
        return url.getHost();
    }

    /** The URL the HTTP client is given: {@code url}, or the same path on {@code connectTo}'s address. */
    URI requestUrl() {
        if (connectTo == null) {
            return url;
        }
        String host = connectTo.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("https://" + host + ":" + connectTo.getPort() + url.getRawPath());
    }
}
