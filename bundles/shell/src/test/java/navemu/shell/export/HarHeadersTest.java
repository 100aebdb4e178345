package navemu.shell.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import navemu.api.result.Header;
import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;

/** The HAR's header lists are the fields navemu sent and received, in order, repeats kept. */
class HarHeadersTest {

    private static List<String> fields(JsonObject message) {
        List<String> fields = new ArrayList<>();
        for (JsonElement field : message.getAsJsonArray("headers")) {
            fields.add(field.getAsJsonObject().get("name").getAsString() + ": " + field.getAsJsonObject().get("value").getAsString());
        }
        return fields;
    }

    @Test
    void requestAndResponseHeadersAreTheWireFields() {
        NavigationResult r = Results.ok("https://www.lab.test/echo", 200, "tls13-ecdhe");
        r.http.method = "POST";
        r.http.requestHeaders.add(new Header("Host", "www.lab.test"));
        r.http.requestHeaders.add(new Header("Content-Length", "3"));
        r.http.requestBodyBytes = 3;
        r.http.headers.add(new Header("Set-Cookie", "a=1"));
        r.http.headers.add(new Header("set-cookie", "b=2"));

        JsonObject entry = JsonParser.parseString(new HarWriter().write(List.of(r))).getAsJsonObject()
                .getAsJsonObject("log").getAsJsonArray("entries").get(0).getAsJsonObject();

        JsonObject request = entry.getAsJsonObject("request");
        assertEquals("POST", request.get("method").getAsString());
        assertEquals(List.of("Host: www.lab.test", "Content-Length: 3"), fields(request));
        assertEquals(3, request.get("bodySize").getAsLong());
        JsonObject response = entry.getAsJsonObject("response");
        assertEquals(List.of("Content-Type: text/html", "Set-Cookie: a=1", "set-cookie: b=2"), fields(response));
        assertEquals("text/html", response.getAsJsonObject("content").get("mimeType").getAsString());
    }

    @Test
    void aHopThatSentNothingStillNamesItsHost() {
        NavigationResult failed = Results.failed("https://nosuch.lab.test/x", "ERR_NAME_NOT_RESOLVED");
        JsonObject request = JsonParser.parseString(new HarWriter().write(List.of(failed))).getAsJsonObject()
                .getAsJsonObject("log").getAsJsonArray("entries").get(0).getAsJsonObject().getAsJsonObject("request");
        assertEquals(List.of("Host: nosuch.lab.test"), fields(request));
    }
}
