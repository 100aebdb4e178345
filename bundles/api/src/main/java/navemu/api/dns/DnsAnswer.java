package navemu.api.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * What a resolver found.
 *
 * @param addresses   in the order to try; never empty
 * @param port        the port an HTTPS resource record (RFC 9460 {@code port=}) advertised, or null
 * @param portSource  where {@code port} came from, for the trace (e.g. {@code HTTPS RR of www.lab.test}), or null
 * @param alpn        ALPN ids the HTTPS record advertised; empty when none
 * @param fromCache   true when no query left the machine
 */
public record DnsAnswer(List<InetAddress> addresses, Integer port, String portSource, List<String> alpn,
                        boolean fromCache) {

    public DnsAnswer {
        if (addresses == null || addresses.isEmpty()) {
            throw new IllegalArgumentException("a DNS answer needs at least one address");
        }
        addresses = List.copyOf(addresses);
        alpn = alpn == null ? List.of() : List.copyOf(alpn);
    }

    /** An answer of addresses only. */
    public static DnsAnswer of(List<InetAddress> addresses, boolean fromCache) {
        return new DnsAnswer(addresses, null, null, List.of(), fromCache);
    }
}
