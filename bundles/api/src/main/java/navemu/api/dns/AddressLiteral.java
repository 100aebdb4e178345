package navemu.api.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import navemu.api.host.Host;

/**
 * Tells IP address literals from names without ever asking DNS: the {@link DnsResolver} contract
 * says an IP-literal host resolves to itself with no query, and this is how an implementation
 * tells. It agrees with the URL's host parser ({@link Host}): {@code 1.2.3} is 1.2.0.3 here too.
 */
public final class AddressLiteral {

    private AddressLiteral() {
    }

    /**
     * The address {@code text} spells, if it is one: an IPv4 address in any form a URL accepts, or
     * an IPv6 address, bracketed as in a URL or bare as in resolv.conf and hosts(5).
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int zone = text.indexOf('%');
        if (zone > 0 && text.indexOf(':') >= 0 && !text.startsWith("[")) {
            return withZone(text, zone);
        }
        String bracketed = text.indexOf(':') >= 0 && !text.startsWith("[") ? "[" + text + "]" : text;
        return Host.tryParse(bracketed).flatMap(Host::address);
    }

    /**
     * A link-local IPv6 address with its zone ({@code fe80::1%eth0}), as resolv.conf may name a
     * server. URLs have no zones; the address is checked by the host parser, the zone by the JDK.
     */
    private static Optional<InetAddress> withZone(String text, int zone) {
        if (Host.tryParse("[" + text.substring(0, zone) + "]").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty(); // no such interface
        }
    }
}
