package navemu.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonTest {

    @Test
    void anObjectIsReturnedAsParsed() throws CorruptFileException {
        assertEquals("navemu-hsts", StrictJson.object("{\"format\": \"navemu-hsts\"}\n").get("format").getAsString());
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
}
