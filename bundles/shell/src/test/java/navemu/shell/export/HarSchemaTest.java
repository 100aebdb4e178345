package navemu.shell.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import navemu.api.result.Hop;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;

/**
 * What {@link HarWriter} writes validates against the HAR 1.2 JSON Schemas of the npm package
 * {@code har-schema} 2.0.0 (draft-06, copied into {@code src/test/resources/har-schema}), the
 * schemas HAR tools such as {@code har-validator} check files with.
 */
class HarSchemaTest {

    /** har.json, whose {@code $ref}s ("log.json#", "entry.json#"…) resolve beside it on the class path. */
    private static final JsonSchema HAR = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6)
            .getSchema(SchemaLocation.of("classpath:har-schema/har.json"));

    private static Set<ValidationMessage> validate(String har) {
        return HAR.validate(har, InputFormat.JSON);
    }

    /** A navigation of http://www.lab.test/: upgraded by HSTS, redirected once (301), then 200. */
    private static NavigationResult redirected() {
        NavigationResult result = Results.ok("https://www.lab.test/home?lang=en&x", 200, "tls13-ecdhe");
        result.url = "http://lab.test/";
        result.startedAt = "2026-11-22T10:00:00.123456Z";
        result.steps.get(2).detail.put("address", "127.0.0.1");
        result.http.bodyPreview = "<!DOCTYPE html><title>lab</title>";

        Hop upgrade = new Hop();
        upgrade.url = "http://lab.test/";
        upgrade.internal = true;
        upgrade.location = "https://lab.test/";
        upgrade.steps.add(Results.step("hsts", "memory", 0, 0.2, 0));
        result.redirects.add(upgrade);

        Hop moved = new Hop();
        moved.url = "https://lab.test/";
        moved.status = 301;
        moved.location = "https://www.lab.test/home?lang=en&x";
        moved.steps.add(Results.step("dns", "dnsjava", 0.2, 1.5, 1));
        moved.steps.add(Results.step("tcp", "socket", 1.7, 0.3, 1));
        moved.steps.get(1).detail.put("address", "::1");
        moved.steps.add(Results.step("tls", "tls13-ecdhe", 2.0, 12.0, 1));
        moved.steps.add(Results.step("http", "", 14.0, 1.1, 1));
        moved.steps.get(3).detail.put(HarWriter.SEND_MS, 0.1);
        moved.steps.get(3).detail.put(HarWriter.WAIT_MS, 0.9);
        moved.steps.get(3).detail.put(HarWriter.RECEIVE_MS, 0.1);
        moved.http = new HttpInfo();
        moved.http.status = 301;
        moved.http.reason = "Moved Permanently";
        moved.http.version = "HTTP/1.1";
        moved.http.headers.add(new navemu.api.result.Header("Location", moved.location));
        result.redirects.add(moved);
        return result;
    }

    @Test
    void aRedirectedNavigationAndAFailedOneValidateWithNoErrors() {
        NavigationResult failed = Results.failed("https://nosuch.lab.test/", "ERR_NAME_NOT_RESOLVED");
        failed.startedAt = "2026-11-22T10:00:01Z";
        String har = new HarWriter().write(List.of(redirected(), failed));

        Set<ValidationMessage> errors = validate(har);

        assertEquals(Set.of(), errors, har);
        assertTrue(har.contains("\"redirectURL\": \"https://www.lab.test/home?lang=en&x\""), "the 301 hop is an entry");
        assertTrue(har.contains("ERR_NAME_NOT_RESOLVED"), "the failed navigation is an entry");
    }

    @Test
    void aNavigationWithoutAStartTimeStillValidates() {
        assertEquals(Set.of(), validate(new HarWriter().write(List.of(Results.ok("https://www.lab.test/", 200, "jsse")))));
    }

    @Test
    void anEmptyLogValidates() {
        assertEquals(Set.of(), validate(new HarWriter().write(List.of())));
    }

    /** The schema is really applied: a HAR with broken parts is rejected, part by part. */
    @Test
    void aBrokenHarFailsValidation() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode har = json.readTree(new HarWriter().write(List.of(redirected())));
        ObjectNode entry = (ObjectNode) har.get("log").get("entries").get(2);

        ObjectNode noWait = har.deepCopy();
        ((ObjectNode) noWait.get("log").get("entries").get(2).get("timings")).remove("wait");
        assertFalse(validate(noWait.toString()).isEmpty(), "timings.wait is required");

        ObjectNode textStatus = har.deepCopy();
        ((ObjectNode) textStatus.get("log").get("entries").get(2).get("response")).put("status", "200");
        assertFalse(validate(textStatus.toString()).isEmpty(), "response.status is an integer");

        ObjectNode badDate = har.deepCopy();
        ((ObjectNode) badDate.get("log").get("entries").get(2)).put("startedDateTime", "22/11/2026");
        assertFalse(validate(badDate.toString()).isEmpty(), "startedDateTime is ISO 8601");

        ObjectNode badAddress = har.deepCopy();
        ((ObjectNode) badAddress.get("log").get("entries").get(2)).put("serverIPAddress", "www.lab.test");
        assertFalse(validate(badAddress.toString()).isEmpty(), "serverIPAddress is an IP address");

        assertTrue(entry.has("serverIPAddress"), "the unbroken entry has an address to break");
    }
}
