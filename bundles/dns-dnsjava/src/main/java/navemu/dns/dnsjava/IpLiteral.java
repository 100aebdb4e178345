package navemu.dns.dnsjava;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises hosts that are already addresses, so that no query is sent for them. */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.]+)?");

    private IpLiteral() {
    }

    /** The address written in {@code host} (brackets allowed around IPv6), or empty for a name. */
    static Optional<InetAddress> parse(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean literal = IPV4.matcher(h).matches() || (h.indexOf(':') >= 0 && IPV6.matcher(h).matches());
        if (!literal) {
            return Optional.empty();
        }
        try {
            // For a literal, getByName only parses: it sends no query.
            return Optional.of(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
