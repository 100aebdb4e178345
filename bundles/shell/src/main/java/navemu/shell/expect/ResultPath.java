package navemu.shell.expect;

import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Walks a dotted path ({@code tls.version}, {@code steps.0.impl}) through a result's JSON tree.
 *
 * <p>Besides plain keys and array indexes it understands two conveniences: on an array of
 * steps, a step name picks that step ({@code steps.tls.rtts}); {@code length} on an array is
 * its size ({@code redirects.length}). Object keys fall back to a case-insensitive match, so
 * HTTP header names work as sent or lower-cased ({@code http.headers.content-type}).
 */
final class ResultPath {

    private ResultPath() {
    }

    /**
     * The element at {@code path}; empty when some part of the path is absent. A JSON null on
     * the way counts as absent too.
     */
    static Optional<JsonElement> resolve(JsonElement root, String path) {
        JsonElement current = root;
        for (String segment : path.split("\\.", -1)) {
            if (current == null || current.isJsonNull()) {
                return Optional.empty();
            }
            current = step(current, segment);
        }
        return Optional.ofNullable(current);
    }

    /** The longest prefix of {@code path} that exists, to say where the path broke off. */
    static String existingPrefix(JsonElement root, String path) {
        String[] segments = path.split("\\.", -1);
        StringBuilder prefix = new StringBuilder();
        JsonElement current = root;
        for (String segment : segments) {
            JsonElement next = current == null || current.isJsonNull() ? null : step(current, segment);
            if (next == null || next.isJsonNull()) {
                break;
            }
            prefix.append(prefix.length() == 0 ? "" : ".").append(segment);
            current = next;
        }
        return prefix.toString();
    }

    private static JsonElement step(JsonElement current, String segment) {
        if (current.isJsonObject()) {
            JsonObject object = current.getAsJsonObject();
            if (object.has(segment)) {
                return object.get(segment);
            }
            for (String key : object.keySet()) {
                if (key.equalsIgnoreCase(segment)) {
                    return object.get(key);
                }
            }
            return null;
        }
        if (current.isJsonArray()) {
            JsonArray array = current.getAsJsonArray();
            if (segment.equals("length")) {
                return new JsonPrimitive(array.size());
            }
            if (segment.matches("\\d+")) {
                int index = Integer.parseInt(segment);
                return index < array.size() ? array.get(index) : null;
            }
            for (JsonElement element : array) {
                if (element.isJsonObject() && element.getAsJsonObject().has("step")
                        && segment.toLowerCase(Locale.ROOT).equals(element.getAsJsonObject().get("step").getAsString())) {
                    return element;
                }
            }
        }
        return null;
    }
}
