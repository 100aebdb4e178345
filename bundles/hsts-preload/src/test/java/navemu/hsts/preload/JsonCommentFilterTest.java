package navemu.hsts.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Comments out, everything else (strings with slashes, lone slashes) kept, whatever the read sizes. */
class JsonCommentFilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`// head\n{\"a\": 1}`|`\n{\"a\": 1}`",
            "`{\"a\": /* x */ 1}`|`{\"a\":   1}`",
            "`{\"a\": /* x ** / */ 1}`|`{\"a\":   1}`",
            "`{\"u\": \"http://x//y/*z*/\"}`|`{\"u\": \"http://x//y/*z*/\"}`",
            "`{\"e\": \"\\\"//\"} // c`|`{\"e\": \"\\\"//\"} `",
            "`{\"a\": 1 / 2}`|`{\"a\": 1 / 2}`",
            "`{\"a\": 1}/`|`{\"a\": 1}/`",
            "`1/\"//\"`|`1/\"//\"`",
    })
    void commentsBecomeNothingOrOneSpace(String text, String expected) throws IOException {
        assertEquals(expected, readAll(new JsonCommentFilter(new StringReader(text)), 1 << 12));
        assertEquals(expected, readAll(new JsonCommentFilter(new StringReader(text)), 1));
        assertEquals(expected, readAll(new JsonCommentFilter(new StringReader(text)), 2));
    }

    private static String readAll(Reader reader, int size) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[size];
        for (int n; (n = reader.read(buffer, 0, size)) >= 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }
}
