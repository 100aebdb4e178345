package navemu.dns.dnsjava;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import navemu.api.dns.AddressLiteral;

/** Parses {@code host[:port]} lists such as {@code 127.0.0.1:5353, [::1]:53, 10.0.0.1}. */
final class ServerList {

    private ServerList() {
    }

    static List<InetSocketAddress> parse(String text) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String item : text.split("[,\\s]+")) {
            if (!item.isBlank()) {
                servers.add(parseOne(item.trim()));
            }
        }
        return servers;
    }

    static InetSocketAddress parseOne(String item) {
        String host = item;
        int port = 53;
        if (item.startsWith("[")) {
            int close = item.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("DNS server '" + item + "': missing ']'");
            }
            host = item.substring(1, close);
            if (item.length() > close + 1) {
                port = port(item, item.substring(close + 1));
            }
        } else if (item.indexOf(':') >= 0 && item.indexOf(':') == item.lastIndexOf(':')) {
            host = item.substring(0, item.indexOf(':'));
            port = port(item, item.substring(item.indexOf(':')));
        }
        InetAddress address = AddressLiteral.parse(host).orElseThrow(() -> new IllegalArgumentException(
                "DNS server '" + item + "': the address must be an IP literal (a name would need DNS to find DNS)"));
        return new InetSocketAddress(address, port);
    }

    private static int port(String item, String colonPort) {
        if (!colonPort.startsWith(":")) {
            throw new IllegalArgumentException("DNS server '" + item + "': expected ':port' after the address");
        }
        try {
            int port = Integer.parseInt(colonPort.substring(1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DNS server '" + item + "': '" + colonPort.substring(1)
                    + "' is not a port (1-65535)");
        }
    }
}
