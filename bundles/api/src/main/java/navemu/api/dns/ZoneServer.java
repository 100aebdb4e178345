package navemu.api.dns;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A DNS server authoritative for one zone, to which resolvers route names under that zone
 * (the lab registers one for {@code lab.test}). Resolvers track these services dynamically.
 */
@ConsumerType
public interface ZoneServer {

    /** The zone apex, lower case, no trailing dot, e.g. {@code lab.test}. */
    String zone();

    /** Where the server listens (UDP and TCP on the same port). */
    InetSocketAddress address();

    /** True when {@code host} is the zone apex or a name under it. */
    default boolean covers(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals(zone()) || h.endsWith("." + zone());
    }
}
