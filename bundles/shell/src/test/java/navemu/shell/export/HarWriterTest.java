package navemu.shell.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.shell.fixtures.Results;

class HarWriterTest {

    private static JsonObject log(NavigationResult... results) {
        return JsonParser.parseString(new HarWriter().write(List.of(results))).getAsJsonObject().getAsJsonObject("log");
    }

    /** The required members of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), with their JSON types. */
    private static void assertHar12(JsonObject log) {
        assertEquals("1.2", log.get("version").getAsString());
        string(log.getAsJsonObject("creator"), "name");
        string(log.getAsJsonObject("creator"), "version");
        for (JsonElement element : log.getAsJsonArray("entries")) {
            JsonObject entry = element.getAsJsonObject();
            Instant.parse(entry.get("startedDateTime").getAsString());
            number(entry, "time");
            JsonObject request = entry.getAsJsonObject("request");
            for (String key : List.of("method", "url", "httpVersion")) {
                string(request, key);
            }
            for (String key : List.of("cookies", "headers", "queryString")) {
                assertTrue(request.get(key).isJsonArray(), key);
            }
            number(request, "headersSize");
            number(request, "bodySize");
            JsonObject response = entry.getAsJsonObject("response");
            number(response, "status");
            for (String key : List.of("statusText", "httpVersion", "redirectURL")) {
                string(response, key);
            }
            assertTrue(response.get("cookies").isJsonArray() && response.get("headers").isJsonArray());
            number(response.getAsJsonObject("content"), "size");
            string(response.getAsJsonObject("content"), "mimeType");
            number(response, "headersSize");
            number(response, "bodySize");
            assertTrue(entry.get("cache").isJsonObject());
            JsonObject timings = entry.getAsJsonObject("timings");
            for (String key : List.of("send", "wait", "receive")) {
                assertTrue(number(timings, key) >= 0, key + " must not be negative");
            }
            for (String key : List.of("blocked", "dns", "connect", "ssl")) {
                assertTrue(number(timings, key) >= -1, key);
            }
            for (String key : entry.keySet()) {
                assertTrue(List.of("pageref", "startedDateTime", "time", "request", "response", "cache", "timings",
                        "serverIPAddress", "connection", "comment").contains(key) || key.startsWith("_"),
                        "custom members start with an underscore: " + key);
            }
        }
    }

    private static void string(JsonObject object, String key) {
        assertTrue(object.has(key) && object.get(key).isJsonPrimitive() && object.get(key).getAsJsonPrimitive().isString(),
                key + " is a string in " + object);
    }

    private static double number(JsonObject object, String key) {
        assertTrue(object.has(key) && object.get(key).getAsJsonPrimitive().isNumber(), key + " is a number in " + object);
        return object.get(key).getAsDouble();
    }

    @Test
    void aNavigationIsOneEntryWithTimingsFromItsSteps() {
        NavigationResult result = Results.ok("https://www.lab.test/?q=1", 200, "jsse");
        result.startedAt = "2026-11-22T10:00:00Z";
        result.steps.get(2).detail.put("address", "127.0.0.1");
        JsonObject log = log(result);
        assertHar12(log);
        JsonObject entry = log.getAsJsonArray("entries").get(0).getAsJsonObject();
        JsonObject timings = entry.getAsJsonObject("timings");
        assertEquals(3.2, timings.get("dns").getAsDouble());
        assertEquals(40.0, timings.get("ssl").getAsDouble());
        assertEquals(40.4, timings.get("connect").getAsDouble(), 1e-9, "ssl is inside connect");
        assertEquals(2.0, timings.get("wait").getAsDouble());
        assertEquals(0.1 + 3.2 + 40.4 + 2.0, entry.get("time").getAsDouble(), 1e-9);
        assertEquals("127.0.0.1", entry.get("serverIPAddress").getAsString());
        assertEquals("text/html", entry.getAsJsonObject("response").getAsJsonObject("content").get("mimeType").getAsString());
        JsonArray query = entry.getAsJsonObject("request").getAsJsonArray("queryString");
        assertEquals("q", query.get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void aRequestCarriedByHttp2IsH2OnBothSides() {
        NavigationResult h2 = Results.ok("https://h2.lab.test/", 200, "jsse");
        h2.http.version = "HTTP/2";
        JsonObject entry = log(h2).getAsJsonArray("entries").get(0).getAsJsonObject();
        assertEquals("h2", entry.getAsJsonObject("request").get("httpVersion").getAsString());
        assertEquals("h2", entry.getAsJsonObject("response").get("httpVersion").getAsString());
        NavigationResult h1 = Results.ok("https://www.lab.test/", 200, "jsse");
        h1.http.version = "HTTP/1.1";
        JsonObject entry1 = log(h1).getAsJsonArray("entries").get(0).getAsJsonObject();
        assertEquals("HTTP/1.1", entry1.getAsJsonObject("request").get("httpVersion").getAsString());
        assertEquals("HTTP/1.1", entry1.getAsJsonObject("response").get("httpVersion").getAsString());
    }

    @Test
    void redirectHopsAreEntriesOfTheirOwnAndAnHstsUpgradeIsAn307() {
        NavigationResult result = Results.ok("https://hsts.lab.test/", 200, "jsse");
        result.url = "http://hsts.lab.test/";
        Hop upgrade = new Hop();
        upgrade.url = "http://hsts.lab.test/";
        upgrade.internal = true;
        upgrade.location = "https://hsts.lab.test/";
        upgrade.steps.add(Results.step("hsts", "memory", 0, 0.2, 0));
        result.redirects.add(upgrade);
        JsonObject log = log(result);
        assertHar12(log);
        JsonArray entries = log.getAsJsonArray("entries");
        assertEquals(2, entries.size());
        JsonObject first = entries.get(0).getAsJsonObject().getAsJsonObject("response");
        assertEquals(307, first.get("status").getAsInt());
        assertEquals("https://hsts.lab.test/", first.get("redirectURL").getAsString());
        assertEquals(-1, entries.get(0).getAsJsonObject().getAsJsonObject("timings").get("dns").getAsInt());
    }

    @Test
    void everyEntryNamesTheConnectionThatCarriedItAReusedOneTheSameAsTheEntryThatMadeIt() {
        NavigationResult result = Results.ok("https://redirect.lab.test/a", 200, "jsse");
        StepResult http = result.steps.stream().filter(s -> s.step.equals("http")).findFirst().orElseThrow();
        http.detail.put("connection", 7L);
        http.detail.put("reused", true);
        Hop first = new Hop();
        first.url = "https://redirect.lab.test/";
        first.status = 301;
        first.location = "https://redirect.lab.test/a";
        first.steps.add(Results.step("hsts", "memory", 0, 0.2, 0));
        StepResult tcp = Results.step("tcp", "socket", 0.2, 1, 1);
        tcp.detail.put("connection", 7L);
        first.steps.add(tcp);
        StepResult firstHttp = Results.step("http", "", 1.2, 2, 1);
        firstHttp.detail.put("connection", 7L);
        first.steps.add(firstHttp);
        result.redirects.add(first);
        JsonArray entries = log(result).getAsJsonArray("entries");
        assertEquals(2, entries.size());
        for (JsonElement entry : entries) {
            assertEquals("7", entry.getAsJsonObject().get("connection").getAsString(), entry.toString());
        }
    }

    @Test
    void aFailedNavigationIsAnEntryWithStatusZeroAndItsError() {
        JsonObject log = log(Results.failed("https://nosuch.lab.test/", "ERR_NAME_NOT_RESOLVED"));
        assertHar12(log);
        JsonObject entry = log.getAsJsonArray("entries").get(0).getAsJsonObject();
        assertEquals(0, entry.getAsJsonObject("response").get("status").getAsInt());
        assertEquals("ERR_NAME_NOT_RESOLVED", entry.get("_error").getAsString());
    }

    @Test
    void anHttpStepWithSendWaitAndReceiveIsSplitInTheTimings() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        result.steps.get(4).detail.put(HarWriter.SEND_MS, 0.25);
        result.steps.get(4).detail.put(HarWriter.WAIT_MS, "1.5");
        result.steps.get(4).detail.put(HarWriter.RECEIVE_MS, 0.25);
        JsonObject entry = log(result).getAsJsonArray("entries").get(0).getAsJsonObject();
        assertHar12(log(result));
        JsonObject timings = entry.getAsJsonObject("timings");
        assertEquals(0.25, timings.get("send").getAsDouble());
        assertEquals(1.5, timings.get("wait").getAsDouble());
        assertEquals(0.25, timings.get("receive").getAsDouble());
        assertEquals(0.1 + 3.2 + 40.4 + 2.0, entry.get("time").getAsDouble(), 1e-9);
    }

    @Test
    void anHttpStepMissingOneOfTheThreeTimesIsAllWait() {
        NavigationResult result = Results.ok("https://www.lab.test/", 200, "jsse");
        result.steps.get(4).detail.put(HarWriter.SEND_MS, 0.25);
        result.steps.get(4).detail.put(HarWriter.WAIT_MS, "not a number");
        result.steps.get(4).detail.put(HarWriter.RECEIVE_MS, 0.25);
        JsonObject timings = log(result).getAsJsonArray("entries").get(0).getAsJsonObject().getAsJsonObject("timings");
        assertEquals(0.0, timings.get("send").getAsDouble());
        assertEquals(2.0, timings.get("wait").getAsDouble());
        assertEquals(0.0, timings.get("receive").getAsDouble());
    }
}
