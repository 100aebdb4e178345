package navemu.shell.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step's detail map said for people: {@code 127.0.0.1:41471 · port from HTTPS RR of
 * www.lab.test · connected in 1.3 ms} instead of {@code address=127.0.0.1  port=41471 …}. The
 * keys the slots are known to record get a phrase; any other key is still shown, as
 * {@code key value} with lists and maps spelled out, so nothing a slot recorded is hidden.
 */
final class StepDetail {
    /** Keys a phrase below already tells, or that only repeat what the row or another view says. */
    private static final Set<String> TOLD = Set.of("known", "policy", "upgraded", "hsts", "literal", "file", "server", "method",
            "servers", "queries", "fromCache", "addresses", "order", "port", "portSource", "alpn", "ttl", "address",
            "localAddress", "localPort", "connectMs", "attempts", "remote", "local", "winner", "link", "certPath",
            "helloRetryRequest", "resumed", "tlsRoundTripsBeforeRequest", "version", "cipherSuite", "keyExchange",
            "certificateRevalidated", "earlyData", "group", "sni", "provider", "sendMs", "waitMs", "receiveMs", "status",
            "bodyBytes", "location", "truncated", "message", "connection", "reused");

    private StepDetail() {
    }

    static String describe(Map<String, Object> detail) {
        if (detail == null || detail.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        hsts(detail, parts);
        dns(detail, parts);
        tcp(detail, parts);
        tls(detail, parts);
        http(detail, parts);
        for (Map.Entry<String, Object> entry : detail.entrySet()) {
            if (!TOLD.contains(entry.getKey()) && entry.getValue() != null) {
                parts.add(entry.getKey() + " " + spelled(entry.getValue()));
            }
        }
        return String.join(" · ", parts);
    }

    private static void hsts(Map<String, Object> d, List<String> parts) {
        if (d.get("upgraded") != null) {
            parts.add("upgraded to " + d.get("upgraded"));
        }
        if (d.get("policy") != null) {
            parts.add("policy " + d.get("policy"));
        } else if (Boolean.FALSE.equals(d.get("known"))) {
            parts.add("no HSTS entry");
        }
    }

    private static void dns(Map<String, Object> d, List<String> parts) {
        if (d.get("addresses") == null || d.containsKey("address")) {
            return;
        }
        parts.add(spelled(d.get("addresses")));
        if (Boolean.TRUE.equals(d.get("literal"))) {
            parts.add("an address: no query");
        } else if (Boolean.TRUE.equals(d.get("fromCache"))) {
            parts.add("cached");
        } else if (d.get("file") != null) {
            parts.add("from " + d.get("file"));
        } else if (d.get("server") != null) {
            parts.add("from " + d.get("server") + (d.get("method") == null ? "" : " (" + d.get("method") + ")"));
        } else if (d.get("servers") != null) {
            parts.add("asked " + spelled(d.get("servers")).replace("/", "") + transport(d.get("queries")));
        }
        if (d.get("port") != null) {
            parts.add("port " + d.get("port") + " from " + shortSource(d.get("portSource")));
        }
        if (d.get("ttl") != null) {
            parts.add("ttl " + d.get("ttl"));
        }
    }

    private static void tcp(Map<String, Object> d, List<String> parts) {
        if (d.get("address") == null && d.get("connectMs") == null) {
            return;
        }
        parts.add(d.get("address") + (d.get("port") == null ? "" : ":" + d.get("port")));
        if (d.get("portSource") != null) {
            parts.add("port from " + shortSource(d.get("portSource")));
        }
        if (d.get("connectMs") != null) {
            parts.add("connected in " + Durations.ms(number(d.get("connectMs"))));
        }
        if (d.get("localPort") != null) {
            parts.add("local port " + d.get("localPort"));
        }
        if (d.get("attempts") instanceof Collection<?> attempts && attempts.size() > 1) {
            parts.add(attempts.size() + " attempts");
        }
        if (d.get("link") != null) {
            parts.add("link " + spelled(d.get("link")));
        }
        if (d.get("connection") != null) {
            parts.add("connection #" + whole(d.get("connection")));
        }
    }

    private static void tls(Map<String, Object> d, List<String> parts) {
        if (d.get("certPath") == null && d.get("version") == null && d.get("resumed") == null) {
            return;
        }
        if (d.get("version") != null) {
            parts.add(String.valueOf(d.get("version")));
        }
        if (Boolean.TRUE.equals(d.get("resumed"))) {
            parts.add(Boolean.TRUE.equals(d.get("certificateRevalidated")) ? "resumed (stored chain re-validated)" : "resumed");
        }
        if (Boolean.TRUE.equals(d.get("helloRetryRequest"))) {
            parts.add("after a HelloRetryRequest");
        }
        if (Boolean.TRUE.equals(d.get("earlyData"))) {
            parts.add("request sent as 0-RTT early data");
        }
        if (d.get("certPath") != null) {
            parts.add("chain " + d.get("certPath"));
        }
    }

    private static void http(Map<String, Object> d, List<String> parts) {
        if (d.get("status") == null && d.get("waitMs") == null) {
            return;
        }
        if (d.get("status") != null) {
            parts.add(d.get("status") + (d.get("location") == null ? "" : " → " + d.get("location")));
        }
        if (d.get("bodyBytes") != null) {
            parts.add(d.get("bodyBytes") + " bytes" + (Boolean.TRUE.equals(d.get("truncated")) ? " (truncated)" : ""));
        }
        if (d.get("waitMs") != null) {
            parts.add("waited " + Durations.ms(number(d.get("waitMs"))) + " for the first byte");
        }
        if (d.get("hsts") != null) {
            parts.add("HSTS " + d.get("hsts"));
        }
        ReusedConnection.of(d).ifPresent(number -> parts.add("reused connection #" + number + ": no dns, tcp or tls for it"));
    }

    /** A connection number as written: 3, not 3.0 (a number read back from JSON is a double). */
    private static String whole(Object number) {
        return number instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(number);
    }

    /** "HTTPS RR of www.lab.test (1 . alpn=… port=…)" → "HTTPS RR of www.lab.test": the record is in the dns step. */
    private static String shortSource(Object source) {
        String text = String.valueOf(source);
        int paren = text.indexOf(" (");
        return paren > 0 ? text.substring(0, paren) : text;
    }

    /** ", over udp" when every fresh query went over one transport. */
    private static String transport(Object queries) {
        if (!(queries instanceof Collection<?> list)) {
            return "";
        }
        Set<Object> transports = new java.util.LinkedHashSet<>();
        for (Object query : list) {
            if (query instanceof Map<?, ?> q && q.get("transport") != null) {
                transports.add(q.get("transport"));
            }
        }
        return transports.isEmpty() ? "" : " over " + spelled(transports);
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A value as words: lists joined with commas, maps as {@code key value} pairs, never Java's {@code [..]} or {@code {k=v}}. */
    static String spelled(Object value) {
        if (value instanceof Collection<?> items) {
            List<String> words = new ArrayList<>();
            for (Object item : items) {
                words.add(spelled(item));
            }
            return words.isEmpty() ? "none" : String.join(", ", words);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> words = new ArrayList<>();
            new LinkedHashMap<>(map).forEach((k, v) -> words.add(k + " " + spelled(v)));
            return String.join(" ", words);
        }
        return String.valueOf(value);
    }
}
