package navemu.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonObject;

class StrictJsonTest {

    @Test
    void anObjectIsReturnedAsParsed() throws CorruptFileException {
        assertEquals("navemu-hsts", StrictJson.object("{\"format\": \"navemu-hsts\"}\n").get("format").getAsString());
    }

    @Test
    void entriesAreReadInOrderAndNamedFromOne() throws CorruptFileException {
        List<String> read = StrictJson.entries(StrictJson.object("{\"entries\": [\"a\", \"b\"]}"),
                (element, where) -> where + "=" + element.getAsString());
        assertEquals(List.of("entry 1=a", "entry 2=b"), read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"entries\": {}}", "{\"entries\": null}"})
    void missingEntriesAreSaid(String text) throws CorruptFileException {
        JsonObject document = StrictJson.object(text);
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> StrictJson.entries(document, (element, where) -> element));
        assertEquals("\"entries\" is missing or not an array", e.getMessage());
    }

    @Test
    void aBadEntryIsSkippedWithWhatItsReaderSaidAndTheOthersAreRead() throws CorruptFileException {
        JsonObject document = StrictJson.object("{\"entries\": [1, \"two\", 3, {}]}");
        ReadEntries<Integer> read = StrictJson.entries(document, (element, where) -> {
            if (!element.isJsonPrimitive()) {
                throw new CorruptFileException(where + " is not a JSON primitive");
            }
            return element.getAsInt(); // "two": Gson's NumberFormatException, a RuntimeException
        });
        assertEquals(List.of(1, 3), read);
        assertEquals(2, read.skipped().size());
        assertTrue(read.skipped().get(0).startsWith("entry 2: "), read.skipped().get(0));
        assertEquals("entry 4 is not a JSON primitive", read.skipped().get(1));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "''|the file is empty",
            "'  \n'|the file is empty",
            "[]|the document is not a JSON object",
            "1|the document is not a JSON object",
            "{ not json|not valid JSON: ",
            "{'single': 'quotes'}|not valid JSON: ",
            "{}x|not valid JSON: ",
            "{} {}|not valid JSON: ",
    })
    void whatIsWrongIsSaid(String text, String message) {
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> StrictJson.object(text));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void anInstantIsReadAsInstantWritesIt() throws CorruptFileException {
        Instant instant = Instant.parse("2026-11-22T15:00:00Z");
        assertEquals(instant, StrictJson.instant(instant.toString(), "observed", "entry 1"));
        assertEquals(Instant.MAX, StrictJson.instant(Instant.MAX.toString(), "expires", "entry 1"));
    }

    @Test
    void aTextThatIsNoInstantIsNamedWithItsFieldAndEntry() {
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> StrictJson.instant("yesterday", "observed", "entry 2"));
        assertEquals("entry 2: \"observed\" is not an ISO-8601 instant: \"yesterday\"", e.getMessage());
    }
}
