package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

import navemu.api.dns.ZoneServer;

/**
 * Chooses where a name's queries go: to the most specific registered {@link ZoneServer} that
 * covers it (the lab's server for {@code lab.test}), otherwise to the system's resolvers.
 */
final class ServerRoute {

    /** The servers to ask, in order, and why those. */
    record Choice(List<InetSocketAddress> servers, String why) {
    }

    private final Supplier<List<ZoneServer>> zoneServers;
    private final List<InetSocketAddress> systemServers;
    private final String systemSource;

    /**
     * @param zoneServers   the zone servers registered right now (read at each resolve)
     * @param systemServers the recursive resolvers for every other name
     * @param systemSource  where {@code systemServers} came from, for the trace
     */
    ServerRoute(Supplier<List<ZoneServer>> zoneServers, List<InetSocketAddress> systemServers, String systemSource) {
        this.zoneServers = zoneServers;
        this.systemServers = List.copyOf(systemServers);
        this.systemSource = systemSource;
    }

    Choice serversFor(String host) {
        ZoneServer best = null;
        for (ZoneServer zone : zoneServers.get()) {
            if (zone.covers(host) && (best == null || zone.zone().length() > best.zone().length())) {
                best = zone;
            }
        }
        if (best != null) {
            String origin = best instanceof ConfiguredZone ? "a zone route of navemu.dns" : "a registered zone server";
            return new Choice(List.of(best.address()), "zone " + best.zone() + " is served by " + best.address()
                    + " (" + origin + ")");
        }
        return new Choice(systemServers, "not in a registered zone: asking " + systemSource + " " + systemServers);
    }
}
