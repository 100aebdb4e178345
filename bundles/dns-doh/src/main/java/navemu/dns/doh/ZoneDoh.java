package navemu.dns.doh;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

/**
 * A zone whose names go to a DoH server of their own: the lab's {@code lab.test}, from a
 * {@link navemu.api.dns.ZoneServer} registration with the property {@code navemu.doh.url}.
 *
 * @param zone       the apex, lower case, e.g. {@code lab.test}
 * @param dnsServer  the zone's ordinary DNS server, asked for the DoH host's address and port
 * @param dohUrl     the DoH URL; its port may be missing (the zone's HTTPS record gives it)
 */
record ZoneDoh(String zone, InetSocketAddress dnsServer, URI dohUrl) {

    boolean covers(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(zone) || h.endsWith("." + zone);
    }
}
