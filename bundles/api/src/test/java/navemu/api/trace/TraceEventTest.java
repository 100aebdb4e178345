package navemu.api.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An event's fields: the reporter's order, its own copy, never null, never changeable. */
class TraceEventTest {

    private static TraceEvent sent(Map<String, String> fields) {
        return new TraceEvent(TraceEvent.Kind.SENT, "tls", "browser", 1L, "ClientHello", "ClientHello (512 bytes)", fields, 0);
    }

    @Test
    void fieldsKeepTheOrderTheReporterGaveAndLaterChangesToItsMapDoNotReachTheEvent() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "TLS 1.3");
        fields.put("cipher_suites", "TLS_AES_128_GCM_SHA256");
        fields.put("alpn", "http/1.1");
        TraceEvent event = sent(fields);
        fields.put("later", "x");
        fields.remove("version");
        assertEquals(List.of("version", "cipher_suites", "alpn"), List.copyOf(event.fields().keySet()));
        assertEquals("TLS 1.3", event.fields().get("version"));
        assertThrows(UnsupportedOperationException.class, () -> event.fields().put("x", "y"));
    }

    @Test
    void noFieldsAndEmptyFieldsAreAnEmptyMapThatCannotBeChanged() {
        for (Map<String, String> none : Arrays.asList(null, new HashMap<String, String>())) {
            TraceEvent event = sent(none);
            assertTrue(event.fields().isEmpty());
            assertThrows(UnsupportedOperationException.class, () -> event.fields().put("x", "y"));
            assertEquals(sent(Map.of()), event);
        }
    }
}
