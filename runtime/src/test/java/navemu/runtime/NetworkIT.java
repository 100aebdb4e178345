package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * The first two steps and the emulated link, end to end. Timing assertions are deliberately
 * wide (a step must take at least ~one RTT, and count one round trip); the exact figures are
 * printed by the tcp-emulated benchmark, not asserted.
 */
@Timeout(300)
class NetworkIT {

    @TempDir
    static Path home;

    private static JsonObject step(JsonObject result, String name) {
        return result.getAsJsonArray("steps").asList().stream().map(e -> e.getAsJsonObject())
                .filter(s -> s.get("step").getAsString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void behindA100msEmulatedLinkDnsTcpTlsAndHttpEachSpendOneRoundTripOfAboutTheRtt() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "net rtt 100ms",
                "-c", "use tcp emulated",
                "-c", "open https://www.lab.test/");

        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        for (String name : List.of("dns", "tcp", "tls", "http")) {
            JsonObject step = step(r, name);
            assertEquals(1, step.get("rtts").getAsInt(), name + " spends one round trip: " + step);
            assertTrue(step.get("durationMs").getAsDouble() >= 90, name + " takes at least about one RTT: " + step);
        }
    }

    @Test
    void behindA100msEmulatedLinkEachStepSaysWhereItsTimeWentAndTheNetworkPartIsItsRoundTrips() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "net rtt 100ms",
                "-c", "use tcp emulated",
                "-c", "dns flush",
                "-c", "open https://www.lab.test/");

        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        for (String name : List.of("hsts", "dns", "tcp", "tls", "http")) {
            JsonObject step = step(r, name);
            double network = step.get("networkMs").getAsDouble();
            double local = step.get("localMs").getAsDouble();
            double server = step.get("serverMs").isJsonNull() ? 0 : step.get("serverMs").getAsDouble();
            assertEquals(step.get("durationMs").getAsDouble(), network + server + local, 0.05,
                    name + ": network + server + local = duration: " + step);
            // The link holds every packet for half the RTT each way, never less; the 0.1 ms is rounding.
            assertTrue(network >= step.get("rtts").getAsInt() * 100 - 0.1, name + ": network >= rtts × RTT: " + step);
        }
        for (String name : List.of("tls", "http")) {
            assertTrue(!step(r, name).get("serverMs").isJsonNull(), "the emulated link sees the lab server's own time: "
                    + step(r, name));
        }
    }

    /**
     * On a plain socket the lab's server time is its serving thread's CPU time: the first handshake
     * of a site (cold on both sides) is split into network, server and local, adding up, and the
     * server's part is not counted as network time on loopback.
     */
    @Test
    void onAPlainSocketTheLabServersWorkIsItsOwnPartNotTheNetworks() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json", "-c", "open --new-connection https://ecc256.lab.test/");

        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        assertEquals("socket", r.getAsJsonObject("composition").get("tcp").getAsString());
        for (String name : List.of("tls", "http")) {
            JsonObject step = step(r, name);
            assertFalse(step.get("serverMs").isJsonNull(), name + ": the lab says its own time: " + step);
            double server = step.get("serverMs").getAsDouble();
            assertTrue(server >= 0, step.toString());
            assertEquals(step.get("durationMs").getAsDouble(),
                    step.get("networkMs").getAsDouble() + server + step.get("localMs").getAsDouble(), 0.05,
                    name + ": network + server + local = duration: " + step);
        }
        assertTrue(step(r, "tls").get("serverMs").getAsDouble() > 0,
                "the server did work in the handshake (at least its signature): " + step(r, "tls"));
    }

    @Test
    void netRefusesWhatItDoesNotUnderstandAndSaysWhatItTakes() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "net rtt fast");

        assertTrue(run.exitCode() != 0, run.toString());
        assertTrue((run.stdout() + run.stderr()).contains("fast"), run.toString());
    }

    @Test
    void dnsShowsEveryQueryAndItsCacheCanBeListedAndFlushed() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home,
                "-c", "dns www.lab.test", "-c", "dns cache", "-c", "dns flush", "-c", "dns cache");

        assertEquals(0, run.exitCode(), run.toString());
        String out = run.stdout();
        assertTrue(out.contains("Query HTTPS") && out.contains("port="), "each query and answer is shown: " + out);
        assertTrue(out.contains("www.lab.test. A") && out.contains("s left"), "the cache lists entries with their TTL: " + out);
        assertTrue(out.contains("flushed 3 cache entries"), out);
        assertTrue(out.contains("cache is empty"), out);
    }

    @Test
    void resolversAndTransportsCompareSideBySide() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--json",
                "-c", "compare https://www.lab.test/ dns=dnsjava vs dns=system",
                "-c", "compare https://www.lab.test/ tcp=socket vs tcp=emulated");

        List<JsonObject> results = run.jsonLines();
        assertEquals(4, results.size(), run.toString());
        for (JsonObject r : results) {
            assertTrue(r.get("ok").getAsBoolean(), r.toString());
        }
        assertEquals("system", results.get(1).getAsJsonObject("composition").get("dns").getAsString());
        assertEquals("emulated", results.get(3).getAsJsonObject("composition").get("tcp").getAsString());
    }
}
