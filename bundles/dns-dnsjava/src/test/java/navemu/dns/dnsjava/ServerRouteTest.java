package navemu.dns.dnsjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import navemu.api.dns.ZoneServer;

class ServerRouteTest {

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void theMostSpecificZoneWinsAndOtherNamesGoToTheSystemResolvers() throws Exception {
        List<ZoneServer> zones = ConfiguredZone.parse("lab.test=127.0.0.1:5300, deep.lab.test=127.0.0.2:5301");
        ServerRoute route = new ServerRoute(() -> zones, List.of(at("127.0.0.53", 53)), "the system's resolvers");

        assertEquals(List.of(at("127.0.0.2", 5301)), route.serversFor("www.deep.lab.test").servers());
        assertEquals(List.of(at("127.0.0.1", 5300)), route.serversFor("www.lab.test").servers());
        assertEquals(List.of(at("127.0.0.1", 5300)), route.serversFor("LAB.TEST.").servers());
        assertEquals(List.of(at("127.0.0.53", 53)), route.serversFor("notlab.test").servers());
        assertTrue(route.serversFor("www.lab.test").why().contains("a zone route of navemu.dns"));
    }

    /** Reading the system's resolver configuration (JNDI, /etc/resolv.conf) waits for the first name outside every zone. */
    @Test
    void theSystemResolversAreLookedUpOnlyForTheFirstNameOutsideEveryZone() throws Exception {
        List<ZoneServer> zones = ConfiguredZone.parse("lab.test=127.0.0.1:5300");
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        List<InetSocketAddress> system = List.of(at("127.0.0.53", 53));
        ServerRoute route = new ServerRoute(() -> zones, () -> {
            lookups.incrementAndGet();
            return system;
        }, "the system's resolvers");

        route.serversFor("www.lab.test");
        assertEquals(0, lookups.get(), "a lab name needs no system resolver");
        assertEquals(system, route.serversFor("example.test").servers());
        assertEquals(system, route.serversFor("example.test").servers());
        assertEquals(1, lookups.get(), "looked up once, then kept");
    }

    @Test
    void zoneRoutesDefaultToPort53AndNameTheBadEntry() throws Exception {
        assertEquals(at("::1", 53), ConfiguredZone.parse("corp.test=[::1]").get(0).address());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfiguredZone.parse("corp.test=127.0.0.1:53, broken"));
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> ConfiguredZone.parse("corp.test=ns.corp.test"));
        assertTrue(name.getMessage().contains("IP literal"), name.getMessage());
    }

    @Test
    void serverListsAcceptPortsAndBracketsAndRejectBadPorts() throws Exception {
        assertEquals(List.of(at("127.0.0.1", 5353), at("::1", 53), at("10.0.0.1", 53)),
                ServerList.parse("127.0.0.1:5353, [::1]:53 10.0.0.1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerList.parse("127.0.0.1:99999"));
        assertTrue(e.getMessage().contains("not a port"), e.getMessage());
    }
}
