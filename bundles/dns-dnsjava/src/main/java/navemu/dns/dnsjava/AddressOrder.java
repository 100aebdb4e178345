package navemu.dns.dnsjava;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order in which the addresses are handed to the tcp slot. RFC 6724 §10.3's default policy
 * table ranks IPv6 (::/0, precedence 40) above IPv4 (::ffff:0:0/96, precedence 35), so IPv6 comes
 * first unless configured otherwise. Interleaving families is the job of a Happy Eyeballs connector
 * (RFC 8305 §4), not of the resolver.
 */
enum AddressOrder {
    IPV6_FIRST("ipv6-first"),
    IPV4_FIRST("ipv4-first");

    private final String word;

    AddressOrder(String word) {
        this.word = word;
    }

    static AddressOrder fromWord(String word) {
        String wanted = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (AddressOrder order : values()) {
            if (order.word.equals(wanted)) {
                return order;
            }
        }
        throw new IllegalArgumentException("address order must be ipv6-first or ipv4-first, not '" + word + "'");
    }

    List<InetAddress> arrange(List<InetAddress> ipv6, List<InetAddress> ipv4) {
        List<InetAddress> all = new ArrayList<>(ipv6.size() + ipv4.size());
        if (this == IPV6_FIRST) {
            all.addAll(ipv6);
            all.addAll(ipv4);
        } else {
            all.addAll(ipv4);
            all.addAll(ipv6);
        }
        return all;
    }

    @Override
    public String toString() {
        return word;
    }
}
