package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The files others open, made from real lab navigations by the real jar: the HAR validates
 * against the HAR 1.2 schema, the HTML page is self-contained.
 */
@Timeout(300)
class ReportsIT {

    @TempDir
    static Path home;

    @Test
    void theHarOfARealUpgradeAndRedirectChainValidatesAgainstTheHar12Schema() throws Exception {
        Path har = home.resolve("lab.har");
        Path html = home.resolve("lab.html");

        NavemuProcess.Outcome run = NavemuProcess.run(home,
                "-c", "open https://hsts.lab.test/",
                "-c", "open http://hsts.lab.test/",
                // Each hop on a connection of its own, so that each has the handshake the page draws
                // (a plain open rides one connection, as a browser does: one handshake, ConnectionReuseIT).
                "-c", "open --new-connection https://redirect.lab.test/",
                "-c", "export har " + har,
                "-c", "export html " + html);

        assertEquals(0, run.exitCode(), run.toString());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6)
                .getSchema(SchemaLocation.of("classpath:har-schema/har.json"));
        String text = Files.readString(har);
        List<Error> problems = schema.validate(text, InputFormat.JSON);
        assertTrue(problems.isEmpty(), "HAR 1.2 schema violations: " + problems);
        JsonObject log = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("log");
        assertTrue(log.getAsJsonArray("entries").size() >= 1 + 2 + 6,
                "one entry per request, redirect hops included: " + log.getAsJsonArray("entries").size());

        String page = Files.readString(html);
        assertTrue(page.contains("redirect.lab.test"), "the page shows the navigations");
        assertFalse(page.matches("(?s).*(src|href)=\"https?://.*"), "the page fetches nothing from the network");
        // The last navigation, redirect.lab.test: five redirects and the page, each a request of the
        // waterfall and a handshake of its own, the final one ending with its GET and 200.
        assertEquals(6, count(page, "<g class=\"request"), "one waterfall row per request");
        assertEquals(6, count(page, "class=\"diagram\""), "one sequence diagram per TLS connection");
        assertEquals(6, count(page, "<title>ClientHello ("), "a ClientHello arrow per handshake");
        assertTrue(page.contains("<title>GET /final (") && page.contains("<title>HTTP/1.1 200 OK ("), "the final exchange");
        assertFalse(page.contains("id=\"failure\""), "nothing failed");
    }

    @Test
    void theHtmlOfARealRefusedHandshakeShowsTheFailureAndStopsTheDiagramThere() throws Exception {
        Path html = home.resolve("expired.html");
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "open https://expired.lab.test/", "-c", "export html " + html);

        assertEquals(1, run.exitCode(), "a failed navigation without expect is an error: " + run);
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"failure\"") && page.contains("ERR_CERT_DATE_INVALID"), page);
        assertTrue(page.contains("<b class=\"failed-step\">tls</b>"), "the failing step is named");
        assertTrue(page.contains("alert sent: <b>certificate_expired</b>"), page);
        assertTrue(page.contains("<g class=\"message c2s alert\"><title>Alert: certificate_expired"), "the alert arrow, in red");
        assertTrue(page.contains("the handshake stopped at Certificate: ERR_CERT_DATE_INVALID"), page);
        assertFalse(page.contains("<title>Finished ("), "the handshake never reached Finished");
        assertEquals(1, count(page, "class=\"phase ssl failed\""), "the waterfall's SSL phase is the failed one");
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
