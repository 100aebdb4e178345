package navemu.tcp.happyeyeballs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8305 §4: keep the resolver's preferred family first, then alternate families, so that a
 * broken family costs at most one Connection Attempt Delay before the other is tried
 * ("First Address Family Count" = 1).
 */
final class AddressInterleaving {

    private AddressInterleaving() {
    }

    static List<InetAddress> interleave(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        boolean firstIsV6 = addresses.get(0) instanceof Inet6Address;
        List<InetAddress> preferred = new ArrayList<>();
        List<InetAddress> other = new ArrayList<>();
        for (InetAddress address : addresses) {
            ((address instanceof Inet6Address) == firstIsV6 ? preferred : other).add(address);
        }
        List<InetAddress> ordered = new ArrayList<>(addresses.size());
        for (int i = 0; i < Math.max(preferred.size(), other.size()); i++) {
            if (i < preferred.size()) {
                ordered.add(preferred.get(i));
            }
            if (i < other.size()) {
                ordered.add(other.get(i));
            }
        }
        return ordered;
    }
}
