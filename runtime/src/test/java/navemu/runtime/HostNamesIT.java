package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Issue 12 end to end: the one host parser, seen from the real jar (with ICU4J loaded as its own
 * bundle for the non-ASCII name). URLs are typed in a UTF-8 script file, so that no locale of the
 * test machine can garble them on a command line.
 */
@Timeout(300)
class HostNamesIT {

    @TempDir
    static Path home;

    @TempDir
    Path dir;

    @Test
    void anInternationalNameTravelsAsItsUts46ALabelThroughDnsSniAndTheCertificate() throws Exception {
        NavemuProcess.Outcome run = script("open https://faß.lab.test/\nexpect tls.sni == xn--fa-hia.lab.test\n");

        assertEquals(0, run.exitCode(), run.toString());
        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        assertEquals("https://xn--fa-hia.lab.test/", r.get("url").getAsString(), "not fass.lab.test (IDNA 2003)");
        assertEquals(r.get("url").getAsString(), r.get("finalUrl").getAsString());
        JsonObject dns = step(r, "dns");
        assertTrue(dns.getAsJsonObject("detail").get("queries").toString().contains("xn--fa-hia.lab.test."), dns.toString());
        assertEquals("xn--fa-hia.lab.test", r.getAsJsonObject("tls").get("sni").getAsString());
        assertTrue(r.getAsJsonObject("cert").get("valid").getAsBoolean(), r.getAsJsonObject("cert").toString());
    }

    @Test
    void anUpperCaseHostIsTheSameUrlNotARedirect() throws Exception {
        NavemuProcess.Outcome run = script("open https://WWW.LAB.TEST/\n");

        assertEquals(0, run.exitCode(), run.toString());
        JsonObject r = run.onlyJson();
        assertTrue(r.get("ok").getAsBoolean(), run.toString());
        assertEquals("https://www.lab.test/", r.get("url").getAsString());
        assertEquals("https://www.lab.test/", r.get("finalUrl").getAsString());
        assertEquals(0, r.getAsJsonArray("redirects").size());
        assertEquals("www.lab.test", r.getAsJsonObject("tls").get("sni").getAsString());
    }

    @Test
    void aShortIpv4FormIsAnAddressForDnsAndHsts() throws Exception {
        // 127.1 is 127.0.0.1 to the URL parser, so DNS asks nobody and HSTS does not apply; port 1 refuses.
        NavemuProcess.Outcome run = script("open https://127.1:1/\n");

        JsonObject r = run.onlyJson();
        assertEquals("ERR_CONNECTION_REFUSED", r.get("error").getAsString(), run.toString());
        assertEquals("https://127.0.0.1:1/", r.get("url").getAsString());
        JsonObject dns = step(r, "dns");
        assertEquals("127.0.0.1", dns.getAsJsonObject("detail").getAsJsonArray("addresses").get(0).getAsString());
        assertFalse(step(r, "hsts").getAsJsonObject("detail").get("known").getAsBoolean());
    }

    @Test
    void aNegativePortIsAUsageErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("port.nav");
        Files.writeString(file, "# a typo\nopen https://www.lab.test:-1/\n", StandardCharsets.UTF_8);
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--script", file.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains(file + ":2:") && run.stderr().contains("invalid port '-1'"), run.toString());
    }

    private NavemuProcess.Outcome script(String text) throws Exception {
        Path file = dir.resolve("hosts.nav");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return NavemuProcess.run(home, "--json", "--script", file.toString());
    }

    private static JsonObject step(JsonObject result, String name) {
        for (JsonElement step : result.getAsJsonArray("steps")) {
            if (step.getAsJsonObject().get("step").getAsString().equals(name)) {
                return step.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + name + " step in " + result);
    }
}
