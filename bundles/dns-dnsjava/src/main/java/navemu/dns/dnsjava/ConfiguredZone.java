package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import navemu.api.dns.ZoneServer;

/**
 * A zone routed to a server by configuration ({@code zones=corp.test=10.0.0.53:53, …}), for names a
 * registered zone server does not cover: it behaves exactly like one.
 */
record ConfiguredZone(String zone, InetSocketAddress address) implements ZoneServer {

    /** Parses {@code zone=host[:port]} entries separated by commas; says which entry is wrong. */
    static List<ZoneServer> parse(String text) {
        List<ZoneServer> zones = new ArrayList<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("zone route '" + entry.trim() + "': expected zone=address[:port]");
            }
            String zone = entry.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (zone.endsWith(".")) {
                zone = zone.substring(0, zone.length() - 1);
            }
            zones.add(new ConfiguredZone(zone, ServerList.parseOne(entry.substring(equals + 1).trim())));
        }
        return zones;
    }
}
