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
    private final Supplier<List<InetSocketAddress>> systemLookup;
    private final String systemSource;
    private List<InetSocketAddress> systemServers;

    /**
     * @param zoneServers   the zone servers registered right now (read at each resolve)
     * @param systemServers the recursive resolvers for every other name
     * @param systemSource  where {@code systemServers} came from, for the trace
     */
    ServerRoute(Supplier<List<ZoneServer>> zoneServers, List<InetSocketAddress> systemServers, String systemSource) {
        this(zoneServers, () -> systemServers, systemSource);
        this.systemServers = List.copyOf(systemServers);
    }

    /**
     * @param systemLookup finds the recursive resolvers, asked once, when the first name outside
     *                     every zone is resolved: reading the system's configuration loads JNDI's
     *                     DNS provider and reads files, which a start-up with only lab names
     *                     should not pay for
     */
    ServerRoute(Supplier<List<ZoneServer>> zoneServers, Supplier<List<InetSocketAddress>> systemLookup,
                String systemSource) {
        this.zoneServers = zoneServers;
        this.systemLookup = systemLookup;
        this.systemSource = systemSource;
    }

    private synchronized List<InetSocketAddress> systemServers() {
        if (systemServers == null) {
            systemServers = List.copyOf(systemLookup.get());
        }
        return systemServers;
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
        List<InetSocketAddress> system = systemServers();
        return new Choice(system, "not in a registered zone: asking " + systemSource + " " + system);
    }
}
