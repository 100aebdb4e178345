package navemu.store.file;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * A store's document read strictly (RFC 8259 JSON, nothing after it), so that a damaged or foreign
 * file is reported rather than half-used. What the object must contain is the store's business.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /**
     * The JSON object that is the whole of {@code text}.
     *
     * @throws CorruptFileException when the text is blank, not strict JSON, followed by more data, or not an object
     */
    public static JsonObject object(String text) throws CorruptFileException {
        if (text.isBlank()) {
            throw new CorruptFileException("the file is empty");
        }
        JsonElement root = parse(text);
        if (!root.isJsonObject()) {
            throw new CorruptFileException("the document is not a JSON object");
        }
        return root.getAsJsonObject();
    }

    private static JsonElement parse(String text) throws CorruptFileException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new CorruptFileException("unexpected data after the JSON document");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new CorruptFileException("not valid JSON: " + e.getMessage());
        }
    }
}
