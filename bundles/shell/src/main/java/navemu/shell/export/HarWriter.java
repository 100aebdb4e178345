package navemu.shell.export;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import navemu.api.result.CertInfo;
import navemu.api.result.Header;
import navemu.api.result.Hop;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.shell.render.TimeSplitText;

/**
 * Navigations as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/), the file
 * DevTools imports: one entry per request, redirect hops included, with {@code timings} taken
 * from the steps. As the format defines, {@code ssl} is part of {@code connect}; HSTS (the
 * browser's own lookup before any packet) counts as {@code blocked}. The HTTP step is split into
 * {@code send}, {@code wait} and {@code receive} when its details carry {@value #SEND_MS},
 * {@value #WAIT_MS} and {@value #RECEIVE_MS} (milliseconds); without them it is all {@code wait}.
 */
public final class HarWriter {
    private static final String VERSION = "0.1.0";

    /** HTTP step details a navigator may record: request written, first response byte, last byte (HAR 1.2 timings). */
    public static final String SEND_MS = "sendMs";
    public static final String WAIT_MS = "waitMs";
    public static final String RECEIVE_MS = "receiveMs";

    public String write(List<NavigationResult> results) {
        JsonObject log = new JsonObject();
        log.addProperty("version", "1.2");
        JsonObject creator = new JsonObject();
        creator.addProperty("name", "navemu");
        creator.addProperty("version", VERSION);
        log.add("creator", creator);
        JsonArray entries = new JsonArray();
        for (NavigationResult result : results) {
            for (Hop hop : result.redirects) {
                entries.add(entry(result, hop.url, hop.steps, hop.http, hop.status, hop.location, hop.internal, null, hop.cert));
            }
            entries.add(entry(result, result.finalUrl, result.steps, result.http, result.status, null, false,
                    result.ok ? null : result.error, result.cert));
        }
        log.add("entries", entries);
        JsonObject har = new JsonObject();
        har.add("log", log);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(har);
    }

    private static JsonObject entry(NavigationResult result, String url, List<StepResult> steps, HttpInfo http,
                                    Integer status, String location, boolean internal, String error, CertInfo cert) {
        JsonObject timings = timings(steps, internal);
        JsonObject entry = new JsonObject();
        entry.addProperty("startedDateTime", started(result, steps));
        entry.addProperty("time", total(timings));
        entry.add("request", request(url, http));
        entry.add("response", response(http, status, location, internal, error));
        entry.add("cache", new JsonObject());
        entry.add("timings", timings);
        step(steps, "tcp").map(tcp -> tcp.detail.get("address")).ifPresent(address -> entry.addProperty("serverIPAddress",
                address.toString()));
        connectionId(steps).ifPresent(id -> entry.addProperty("connection", id));
        if (error != null) {
            entry.addProperty("_error", error);
        }
        if (cert != null) {
            entry.addProperty("_certificateValid", cert.valid);
        }
        return entry;
    }

    /** HAR names HTTP/2 by its ALPN identifier, {@code h2}, as browsers' HAR exports do; HTTP/1.x as its status line does. */
    static String harVersion(String version) {
        return "HTTP/2".equals(version) ? "h2" : version;
    }

    private static JsonObject request(String url, HttpInfo http) {
        JsonObject request = new JsonObject();
        request.addProperty("method", http == null || http.method == null ? "GET" : http.method);
        request.addProperty("url", String.valueOf(url));
        request.addProperty("httpVersion", http == null || http.version == null ? "HTTP/1.1" : harVersion(http.version));
        request.add("cookies", new JsonArray());
        JsonArray headers = new JsonArray();
        if (http == null || http.requestHeaders.isEmpty()) {
            headers.add(header("Host", host(url))); // no request went out (the HSTS upgrade, a failed hop)
        } else {
            for (Header field : http.requestHeaders) {
                headers.add(header(field.name, field.value));
            }
        }
        request.add("headers", headers);
        request.add("queryString", queryString(url));
        request.addProperty("headersSize", -1);
        request.addProperty("bodySize", http == null ? 0 : http.requestBodyBytes);
        return request;
    }

    private static JsonObject response(HttpInfo http, Integer status, String location, boolean internal, String error) {
        JsonObject response = new JsonObject();
        int code = status == null ? 0 : status;
        if (internal) {
            code = 307;
        }
        response.addProperty("status", code);
        response.addProperty("statusText", internal ? "Internal Redirect (HSTS)"
                : http != null && http.reason != null ? http.reason : error == null ? "" : error);
        response.addProperty("httpVersion", http == null || http.version == null ? "" : harVersion(http.version));
        response.add("cookies", new JsonArray());
        JsonArray headers = new JsonArray();
        String mimeType = "";
        if (http != null) {
            for (Header field : http.headers) {
                headers.add(header(field.name, field.value));
            }
            String contentType = http.first("Content-Type");
            mimeType = contentType == null ? "" : contentType;
        }
        response.add("headers", headers);
        JsonObject content = new JsonObject();
        content.addProperty("size", http == null ? 0 : http.bodyBytes);
        content.addProperty("mimeType", mimeType);
        if (http != null && http.bodyPreview != null) {
            content.addProperty("text", http.bodyPreview);
        }
        response.add("content", content);
        response.addProperty("redirectURL", location == null ? "" : location);
        response.addProperty("headersSize", -1);
        response.addProperty("bodySize", http == null ? -1 : http.bodyBytes);
        return response;
    }

    /** HAR timings: -1 where a phase did not happen; send, wait and receive are required and never negative. */
    private static JsonObject timings(List<StepResult> steps, boolean internal) {
        double blocked = step(steps, "hsts").map(s -> s.durationMs).orElse(-1.0);
        double dns = step(steps, "dns").map(s -> s.durationMs).orElse(-1.0);
        double tcp = step(steps, "tcp").map(s -> s.durationMs).orElse(-1.0);
        double ssl = step(steps, "tls").map(s -> s.durationMs).orElse(-1.0);
        Optional<StepResult> http = step(steps, "http");
        double[] sendWaitReceive = http.flatMap(HarWriter::split)
                .orElse(new double[] {0, http.map(s -> s.durationMs).orElse(0.0), 0});
        JsonObject timings = new JsonObject();
        timings.addProperty("blocked", round(blocked));
        timings.addProperty("dns", internal ? -1 : round(dns));
        timings.addProperty("connect", tcp < 0 ? -1 : round(tcp + Math.max(0, ssl)));
        timings.addProperty("send", round(sendWaitReceive[0]));
        timings.addProperty("wait", round(sendWaitReceive[1]));
        timings.addProperty("receive", round(sendWaitReceive[2]));
        timings.addProperty("ssl", round(ssl));
        addTimeSplit(timings, steps);
        return timings;
    }

    /**
     * Where the entry's time went, as HAR custom fields (a leading underscore, HAR 1.2 §1.2):
     * {@code _networkMs}, {@code _localMs} and, where the link saw it, {@code _serverMs}, summed
     * over the steps that say; each step's phrase in {@code comment}. Left out when no step says.
     */
    private static void addTimeSplit(JsonObject timings, List<StepResult> steps) {
        double network = 0;
        double local = 0;
        Double server = null;
        List<String> phrases = new ArrayList<>();
        for (StepResult step : steps) {
            Optional<String> phrase = TimeSplitText.of(step);
            if (phrase.isEmpty()) {
                continue;
            }
            network += step.networkMs;
            local += step.localMs;
            if (step.serverMs != null) {
                server = (server == null ? 0 : server) + step.serverMs;
            }
            phrases.add(step.step + " " + phrase.get());
        }
        if (phrases.isEmpty()) {
            return;
        }
        timings.addProperty("_networkMs", round(network));
        timings.addProperty("_localMs", round(local));
        if (server != null) {
            timings.addProperty("_serverMs", round(server));
        }
        timings.addProperty("comment", "where the time went: " + String.join("; ", phrases));
    }

    /** The HTTP step's send, wait and receive times, when the navigator recorded all three (never negative). */
    private static Optional<double[]> split(StepResult http) {
        double[] phases = new double[3];
        String[] keys = {SEND_MS, WAIT_MS, RECEIVE_MS};
        for (int i = 0; i < keys.length; i++) {
            Object value = http.detail.get(keys[i]);
            if (value instanceof Number number) {
                phases[i] = Math.max(0, number.doubleValue());
            } else if (value instanceof String text) {
                try {
                    phases[i] = Math.max(0, Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(phases);
    }

    /** The entry's time: the sum of its timings, ssl left out as it is inside connect. */
    private static double total(JsonObject timings) {
        double sum = 0;
        for (String phase : List.of("blocked", "dns", "connect", "send", "wait", "receive")) {
            sum += Math.max(0, timings.get(phase).getAsDouble());
        }
        return round(sum);
    }

    private static String started(NavigationResult result, List<StepResult> steps) {
        Instant base;
        try {
            base = result.startedAt == null ? Instant.EPOCH : Instant.parse(result.startedAt);
        } catch (DateTimeParseException e) {
            base = Instant.EPOCH;
        }
        double offset = steps.isEmpty() ? 0 : steps.get(0).startMs;
        return base.plusNanos((long) (offset * 1_000_000)).toString();
    }

    private static JsonArray queryString(String url) {
        JsonArray pairs = new JsonArray();
        try {
            String query = URI.create(url).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int equals = pair.indexOf('=');
                    pairs.add(header(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1)));
                }
            }
        } catch (IllegalArgumentException | NullPointerException ignored) {
            // A URL the navigator could not parse has no query to list.
        }
        return pairs;
    }

    private static JsonObject header(String name, String value) {
        JsonObject header = new JsonObject();
        header.addProperty("name", name);
        header.addProperty("value", value);
        return header;
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getPort() < 0 ? String.valueOf(uri.getHost()) : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }

    /**
     * HAR's {@code connection}: the number of the connection that carried the request (the http
     * step's, which a reused connection's entry shares with the entry that made it), as DevTools
     * writes its socket id.
     */
    private static Optional<String> connectionId(List<StepResult> steps) {
        return step(steps, "http").or(() -> step(steps, "tcp")).map(s -> s.detail.get("connection"))
                .map(id -> id instanceof Number n ? Long.toString(n.longValue()) : id.toString());
    }

    private static Optional<StepResult> step(List<StepResult> steps, String name) {
        List<StepResult> found = new ArrayList<>();
        for (StepResult step : steps) {
            if (name.equals(step.step)) {
                found.add(step);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    private static double round(double millis) {
        return millis < 0 ? -1 : Math.round(millis * 1000) / 1000.0;
    }
}
