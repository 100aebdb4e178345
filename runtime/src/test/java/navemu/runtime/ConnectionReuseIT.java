package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Connections reused as Chrome reuses them, through the real jar against the lab: the lab's
 * five-redirect chain on one origin rides one TLS connection; a second {@code open} of an origin
 * uses the open connection (no dns, tcp or tls step; the result's TLS is that connection's);
 * {@code --new-connection} makes a new one each hop; the HAR names each entry's connection.
 */
@Timeout(600)
class ConnectionReuseIT {

    @TempDir
    static Path home;

    /** The steps of every hop of a navigation, redirects first. */
    private static List<JsonArray> hops(JsonObject result) {
        List<JsonArray> hops = new ArrayList<>();
        for (JsonElement hop : result.getAsJsonArray("redirects")) {
            hops.add(hop.getAsJsonObject().getAsJsonArray("steps"));
        }
        hops.add(result.getAsJsonArray("steps"));
        return hops;
    }

    private static List<String> names(JsonArray steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.getAsJsonObject().get("step").getAsString()));
        return names;
    }

    private static JsonObject step(JsonArray steps, String name) {
        for (JsonElement s : steps) {
            if (s.getAsJsonObject().get("step").getAsString().equals(name)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + name + " step in " + steps);
    }

    private static long connectionOf(JsonArray steps) {
        return step(steps, "http").getAsJsonObject("detail").get("connection").getAsLong();
    }

    @Test
    void aRedirectChainOnOneOriginAndASecondOpenRideOneConnection() throws Exception {
        Path har = home.resolve("reuse.har");
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "open https://redirect.lab.test/",
                "-c", "open https://redirect.lab.test/final", "-c", "export har " + har);
        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        JsonObject chain = results.get(0);
        assertTrue(chain.get("ok").getAsBoolean(), chain.toString());
        assertEquals(5, chain.getAsJsonArray("redirects").size());
        List<JsonArray> hops = hops(chain);
        long tcpSteps = hops.stream().flatMap(h -> names(h).stream()).filter("tcp"::equals).count();
        assertEquals(1, tcpSteps, "one TCP connection for six requests: " + chain);
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "http"), names(hops.get(0)));
        long id = step(hops.get(0), "tcp").getAsJsonObject("detail").get("connection").getAsLong();
        for (JsonArray later : hops.subList(1, hops.size())) {
            assertEquals(List.of("hsts", "http"), names(later), "no dns, tcp or tls on the reused connection");
            assertEquals(id, connectionOf(later));
            assertTrue(step(later, "http").getAsJsonObject("detail").get("reused").getAsBoolean());
        }
        // The result's TLS is the connection's: the handshake of the first hop.
        assertEquals("TLSv1.3", chain.getAsJsonObject("tls").get("version").getAsString());

        JsonObject again = results.get(1);
        assertTrue(again.get("ok").getAsBoolean(), again.toString());
        assertEquals(List.of("hsts", "http"), names(again.getAsJsonArray("steps")), "open again: the open connection");
        assertEquals(id, connectionOf(again.getAsJsonArray("steps")));
        assertEquals(chain.getAsJsonObject("tls").get("cipherSuite"), again.getAsJsonObject("tls").get("cipherSuite"));
        assertEquals(chain.getAsJsonObject("cert").get("subject"), again.getAsJsonObject("cert").get("subject"));

        JsonArray entries = JsonParser.parseString(Files.readString(har)).getAsJsonObject()
                .getAsJsonObject("log").getAsJsonArray("entries");
        assertEquals(7, entries.size());
        for (JsonElement entry : entries) {
            assertEquals(Long.toString(id), entry.getAsJsonObject().get("connection").getAsString(),
                    "HAR: every entry names the connection that carried it: " + entry);
        }
    }

    @Test
    void newConnectionMakesADnsTcpTlsPerHopAndClosesIt() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "open --new-connection https://redirect.lab.test/c",
                "-c", "open --new-connection https://redirect.lab.test/final");
        List<JsonObject> results = run.jsonLines();
        assertEquals(2, results.size(), run.toString());
        Set<Long> ids = new HashSet<>();
        for (JsonObject result : results) {
            assertTrue(result.get("ok").getAsBoolean(), result.toString());
            for (JsonArray hop : hops(result)) {
                assertEquals(List.of("hsts", "dns", "tcp", "tls", "http"), names(hop), result.toString());
                assertFalse(step(hop, "http").getAsJsonObject("detail").get("reused").getAsBoolean());
                ids.add(connectionOf(hop));
            }
        }
        assertEquals(4, ids.size(), "four hops, four connections: " + ids);
    }

    @Test
    void anotherTlsImplementationNeverGetsTheConnectionAndSessionsClearClosesThem() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "open https://www.lab.test/", "-c", "use tls tls13-ecdhe", "-c", "open https://www.lab.test/",
                "-c", "sessions clear", "-c", "open https://www.lab.test/");
        List<JsonObject> results = run.jsonLines();
        assertEquals(3, results.size(), run.toString());
        List<Long> ids = new ArrayList<>();
        for (JsonObject result : results) {
            assertTrue(result.get("ok").getAsBoolean(), result.toString());
            assertTrue(names(result.getAsJsonArray("steps")).contains("tls"), "a connection of its own: " + result);
            ids.add(connectionOf(result.getAsJsonArray("steps")));
        }
        assertNotEquals(ids.get(0), ids.get(1));
        assertNotEquals(ids.get(1), ids.get(2));
        assertTrue(run.stderr().contains("closed 2 idle connections kept for reuse"), run.toString());
    }
}
