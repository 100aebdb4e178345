package navemu.store.file;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * A store's document read strictly (RFC 8259 JSON, nothing after it), so that a damaged or foreign
 * file is reported rather than half-used. The document is an object with an {@code "entries"}
 * array; what else it holds (format, version) and what an entry is are the store's business.
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

    /** Reads one element of a document's {@code entries}; {@code where} names it in messages ("entry 3"). */
    @FunctionalInterface
    public interface EntryReader<T> {
        T read(JsonElement element, String where) throws CorruptFileException;
    }

    /**
     * The document's {@code "entries"} array, each element read by {@code reader} in order and
     * named {@code "entry <n>"} (counting from 1, as a person does) in what it reports.
     *
     * <p>An entry that {@code reader} refuses is skipped, and what it said is kept in
     * {@link ReadEntries#skipped()}: one bad entry costs that entry, not the file (Chromium's
     * persisted HSTS state is read entry by entry in the same way).
     *
     * @throws CorruptFileException when {@code "entries"} is missing or not an array
     */
    public static <T> ReadEntries<T> entries(JsonObject document, EntryReader<T> reader) throws CorruptFileException {
        JsonElement entries = document.get("entries");
        if (entries == null || !entries.isJsonArray()) {
            throw new CorruptFileException("\"entries\" is missing or not an array");
        }
        List<T> result = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        JsonArray array = entries.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            try {
                result.add(reader.read(array.get(i), "entry " + (i + 1)));
            } catch (CorruptFileException | RuntimeException bad) {
                String message = bad.getMessage();
                skipped.add(message != null && message.startsWith("entry ") ? message
                        : "entry " + (i + 1) + ": " + message);
            }
        }
        return new ReadEntries<>(result, skipped);
    }

    /**
     * The instant that a field's text gives (ISO-8601, as {@link Instant#toString()} writes it).
     *
     * @param text  the field's value, already read as a string by the store (which says how a missing one is reported)
     * @param key   the field's name, for the message
     * @param where the entry, for the message ("entry 3")
     * @throws CorruptFileException when the text is not an ISO-8601 instant
     */
    public static Instant instant(String text, String key, String where) throws CorruptFileException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptFileException(where + ": \"" + key + "\" is not an ISO-8601 instant: \"" + text + "\"");
        }
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
