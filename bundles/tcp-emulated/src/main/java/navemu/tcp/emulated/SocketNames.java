package navemu.tcp.emulated;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** How an address is written in the trace: {@code 127.0.0.1:8443}, {@code [::1]:8443}. */
final class SocketNames {

    private SocketNames() {
    }

    static String describe(InetSocketAddress address) {
        if (address == null || address.getAddress() == null) {
            return String.valueOf(address);
        }
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
