package navemu.dns.dnsjava;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import navemu.api.dns.ZoneServer;

/**
 * The settings of pid {@code navemu.dns} ({@code config/osgi/navemu.dns.cfg}), read key by key.
 *
 * <p>A value that is not a number, or out of its range, is refused by name and that key alone
 * falls back to its default: one typo must not silently throw away the rest of the file (the
 * configured {@code servers=} in particular). Each refusal is one line naming the file, the key and
 * what is wrong. The ranges keep a navigation bounded: each UDP attempt waits at most
 * {@value #MAX_TIMEOUT_MS} ms and a server is asked at most {@value #MAX_RETRIES} more times.
 *
 * @param servers         the resolvers for names outside the zones; null = the system's
 * @param serversRefused  true when a {@code servers=} value was given but refused: then no resolver
 *                        is asked for names outside the zones, rather than quietly asking the system's
 * @param zones           the extra zone routes ({@code zones=})
 * @param timeoutMs       how long each UDP attempt or TCP exchange may wait
 * @param retries         UDP retries after a timeout, per server
 * @param order           the address order handed to the tcp slot
 * @param maxTtlSeconds   the longest TTL the cache honours
 * @param problems        one line per refused value, empty when every value was taken
 */
record DnsSettings(List<InetSocketAddress> servers, boolean serversRefused, List<ZoneServer> zones, long timeoutMs,
                   int retries, AddressOrder order, long maxTtlSeconds, List<String> problems) {

    static final String FILE = "navemu.dns.cfg";
    static final long DEFAULT_TIMEOUT_MS = 2000;
    static final long MIN_TIMEOUT_MS = 1;
    static final long MAX_TIMEOUT_MS = 30_000;
    static final int DEFAULT_RETRIES = 1;
    static final int MAX_RETRIES = 5;
    static final long DEFAULT_MAX_TTL_SECONDS = 86_400;
    /** A week: RFC 8767 §4 suggests capping TTLs at 7 days; most resolvers cap lower. */
    static final long MAX_MAX_TTL_SECONDS = 604_800;

    DnsSettings {
        servers = servers == null ? null : List.copyOf(servers);
        zones = List.copyOf(zones);
        problems = List.copyOf(problems);
    }

    /** Every default: the system's resolvers, no extra zones. */
    static DnsSettings defaults() {
        return read(Map.of());
    }

    /** Reads {@code properties} (the values ConfigAdmin hands over: strings from the file, or numbers). */
    static DnsSettings read(Map<String, ?> properties) {
        List<String> problems = new ArrayList<>();
        List<InetSocketAddress> servers = null;
        boolean serversRefused = false;
        String serverText = text(properties.get("servers"));
        if (!serverText.isBlank()) {
            try {
                servers = ServerList.parse(serverText);
            } catch (IllegalArgumentException e) {
                serversRefused = true;
                problems.add(refusal("servers", serverText, e.getMessage(),
                        "no resolver is asked for names outside the zones"));
            }
        }
        List<ZoneServer> zones = List.of();
        String zoneText = text(properties.get("zones"));
        try {
            zones = ConfiguredZone.parse(zoneText);
        } catch (IllegalArgumentException e) {
            problems.add(refusal("zones", zoneText, e.getMessage(), "no extra zone routes"));
        }
        long timeoutMs = number(properties, "timeoutMs", DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS, "ms", problems);
        int retries = (int) number(properties, "retries", DEFAULT_RETRIES, 0, MAX_RETRIES, "retries", problems);
        long maxTtl = number(properties, "maxTtlSeconds", DEFAULT_MAX_TTL_SECONDS, 1, MAX_MAX_TTL_SECONDS, "s", problems);
        AddressOrder order = AddressOrder.IPV6_FIRST;
        Object orderValue = properties.get("addressOrder");
        if (orderValue != null && !text(orderValue).isBlank()) {
            try {
                order = AddressOrder.fromWord(text(orderValue));
            } catch (IllegalArgumentException e) {
                problems.add(refusal("addressOrder", text(orderValue), e.getMessage(), "using " + order));
            }
        }
        return new DnsSettings(servers, serversRefused, zones, timeoutMs, retries, order, maxTtl, problems);
    }

    /** A whole number in {@code [min, max]}; anything else is refused and the default kept. */
    private static long number(Map<String, ?> properties, String key, long fallback, long min, long max, String unit,
                               List<String> problems) {
        Object value = properties.get(key);
        if (value == null || text(value).isBlank()) {
            return fallback;
        }
        long parsed;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            parsed = ((Number) value).longValue();
        } else {
            try {
                parsed = Long.parseLong(text(value).trim());
            } catch (NumberFormatException e) {
                problems.add(refusal(key, text(value), "not a whole number", "using " + fallback));
                return fallback;
            }
        }
        if (parsed < min || parsed > max) {
            problems.add(refusal(key, text(value), "must be from " + min + " to " + max + " " + unit,
                    "using " + fallback));
            return fallback;
        }
        return parsed;
    }

    private static String refusal(String key, String value, String why, String instead) {
        return FILE + ": " + key + "=" + value + " refused (" + why + "); " + instead;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
